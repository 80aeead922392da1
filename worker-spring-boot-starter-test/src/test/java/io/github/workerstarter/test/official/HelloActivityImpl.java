package io.github.workerstarter.test.official;

import org.springframework.stereotype.Component;

import io.github.workerstarter.annotation.ActivityImpl;

@Component
@ActivityImpl(taskQueues = "HelloSampleTaskQueue")
public class HelloActivityImpl implements HelloActivity {

	@Override
	public String hello(Person person) {
		return "Hello " + person.firstName() + " " + person.lastName() + "!";
	}

}
