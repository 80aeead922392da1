package io.github.workerstarter.benchmarks.harness;

import java.util.List;

/**
 * Median and range of a few repetitions. With 3 to 5 repetitions a mean would let one disturbed run move the
 * result; the median does not, and the range shows the disturbance.
 */
public record Stats(double median, double min, double max, int count) {

	public static Stats of(List<Double> values) {
		if (values.isEmpty()) {
			return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
		}
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
	}

}
