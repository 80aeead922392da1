package io.github.workerstarter.test.app;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface CarrierActivities {

	/** Activity type {@code Book}: the tracking number. */
	String book(String parcelId);

}
