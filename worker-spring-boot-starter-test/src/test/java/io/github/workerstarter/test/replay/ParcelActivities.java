package io.github.workerstarter.test.replay;

import io.temporal.activity.ActivityInterface;

/** Activity types {@code Audit}, {@code Pack} and {@code Ship}. */
@ActivityInterface
public interface ParcelActivities {

	void audit(String parcelId);

	void pack(String parcelId);

	String ship(String parcelId);

}
