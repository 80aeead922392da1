package io.github.workerstarter.benchmarks.growth;

import io.temporal.activity.ActivityInterface;

/** The activity type every growth queue has. */
@ActivityInterface
public interface GrowthActivities {

	String echo(String text);

}
