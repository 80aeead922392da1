package io.github.workerstarter.test.plugin;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface StampActivities {

	@ActivityMethod(name = "Stamp")
	String stamp(String letter);

}
