package io.github.workerstarter.test.official;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface HelloActivity {

	String hello(Person person);

}
