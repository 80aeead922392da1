package io.github.workerstarter.benchmarks.child;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Milestones of one child JVM's start, in milliseconds since the JVM started, in the order they happened. Both
 * variants record theirs; the harness turns consecutive milestones into the startup breakdown.
 */
public final class StartupPhases {

	private static final Map<String, Long> milestones = new LinkedHashMap<>();

	private StartupPhases() {
	}

	public static synchronized void reached(String milestone) {
		milestones.putIfAbsent(milestone, ProcessStats.uptimeMillis());
	}

	public static synchronized Map<String, Long> milestones() {
		return new LinkedHashMap<>(milestones);
	}

}
