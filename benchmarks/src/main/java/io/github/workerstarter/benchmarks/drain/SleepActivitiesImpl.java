package io.github.workerstarter.benchmarks.drain;

import io.github.workerstarter.annotation.ActivityImpl;
import io.temporal.activity.Activity;

/** Counts what happens to each activity: started, finished its work, or was interrupted by the shutdown. */
@ActivityImpl(taskQueues = "${bench.queue}")
public class SleepActivitiesImpl implements SleepActivities {

	private final DrainCounters counters;

	public SleepActivitiesImpl(DrainCounters counters) {
		this.counters = counters;
	}

	@Override
	public void sleep(int millis) {
		this.counters.started();
		try {
			Thread.sleep(millis);
			this.counters.completed();
		}
		catch (InterruptedException ex) {
			this.counters.interrupted();
			Thread.currentThread().interrupt();
			throw Activity.wrap(ex);
		}
	}

}
