package io.github.workerstarter.test.replay;

import io.github.workerstarter.annotation.ActivityImpl;

@ActivityImpl(taskQueues = "parcels")
public class ParcelActivitiesImpl implements ParcelActivities {

	@Override
	public void audit(String parcelId) {
	}

	@Override
	public void pack(String parcelId) {
	}

	@Override
	public String ship(String parcelId) {
		return "shipped " + parcelId;
	}

}
