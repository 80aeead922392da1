package io.github.workerstarter.test.app;

import io.github.workerstarter.annotation.ActivityImpl;

@ActivityImpl(taskQueues = "shipping")
public class PackingActivitiesImpl implements PackingActivities {

	@Override
	public void pack(String parcelId) {
	}

}
