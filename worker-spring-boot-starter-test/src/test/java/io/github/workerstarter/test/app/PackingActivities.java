package io.github.workerstarter.test.app;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface PackingActivities {

	// an explicit name: a mock of this interface copies the annotation onto its class
	@ActivityMethod(name = "Pack")
	void pack(String parcelId);

}
