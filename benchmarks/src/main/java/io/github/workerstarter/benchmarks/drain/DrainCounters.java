package io.github.workerstarter.benchmarks.drain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.workerstarter.benchmarks.child.ChildOutput;

/**
 * What the worker saw of the drain. When the expected number of activities is running it prints the
 * {@code ALL_STARTED} marker, from the thread of the last one to start, so the marker's time is that start.
 */
public final class DrainCounters {

	private final int expected;

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicInteger completed = new AtomicInteger();

	private final AtomicInteger interrupted = new AtomicInteger();

	public DrainCounters(int expected) {
		this.expected = expected;
	}

	void started() {
		if (this.started.incrementAndGet() == this.expected) {
			ChildOutput.mark("ALL_STARTED");
		}
	}

	void completed() {
		this.completed.incrementAndGet();
	}

	void interrupted() {
		this.interrupted.incrementAndGet();
	}

	/** Printed once the workers have stopped. */
	public void report() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("started", this.started.get());
		result.put("completed_in_worker", this.completed.get());
		result.put("interrupted", this.interrupted.get());
		ChildOutput.result(result);
	}

}
