package io.github.workerstarter.benchmarks.harness;

/**
 * One measured quantity of a scenario.
 *
 * @param key name in the result file
 * @param label what the report calls it
 * @param unit unit of the values
 * @param compare how the report compares the starter with the raw SDK: as a ratio (throughput, CPU) or as a
 * difference (startup time, memory, where the goal is an absolute overhead)
 */
public record Metric(String key, String label, String unit, Compare compare) {

	public enum Compare {

		/** ours / raw */
		RATIO,

		/** ours - raw */
		DIFFERENCE,

		/** not compared, only reported (e.g. counts that should be zero) */
		NONE

	}

}
