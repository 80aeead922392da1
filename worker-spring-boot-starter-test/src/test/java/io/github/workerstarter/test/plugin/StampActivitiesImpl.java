package io.github.workerstarter.test.plugin;

import io.github.workerstarter.annotation.ActivityImpl;

@ActivityImpl(taskQueues = "stamps")
public class StampActivitiesImpl implements StampActivities {

	@Override
	public String stamp(String letter) {
		return letter + " stamped";
	}

}
