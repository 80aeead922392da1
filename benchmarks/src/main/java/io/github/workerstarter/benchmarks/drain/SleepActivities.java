package io.github.workerstarter.benchmarks.drain;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface SleepActivities {

	/** Activity type {@code Sleep}: stands for work of a known duration. */
	void sleep(int millis);

}
