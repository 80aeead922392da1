package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Summary;

/**
 * Whether a cost grows linearly with the number of queues: the cost of one more queue between consecutive queue
 * counts (from the medians). Linear means those per-queue costs agree; the verdict compares the last two
 * segments, which span the most queues and so are the least noisy.
 */
final class GrowthLinearity {

	private final ScenarioResult result;

	private final Summary summary;

	private final List<Integer> counts;

	@SuppressWarnings("unchecked")
	GrowthLinearity(ScenarioResult result) {
		this.result = result;
		this.summary = new Summary(result);
		this.counts = ((List<Number>) result.extras().get("queue_counts")).stream().map(Number::intValue).toList();
	}

	String table() {
		List<String> header = new ArrayList<>(List.of("metric", "variant"));
		for (int i = 1; i < this.counts.size(); i++) {
			header.add("per queue, " + this.counts.get(i - 1) + "→" + this.counts.get(i));
		}
		header.add("growth");
		MarkdownTable table = new MarkdownTable(header);
		for (Metric metric : this.result.metrics()) {
			for (String variant : this.result.variants()) {
				List<Double> slopes = slopes(metric.key(), variant);
				List<String> row = new ArrayList<>(List.of(metric.label() + " (" + metric.unit() + ")", variant));
				slopes.forEach((slope) -> row.add(Format.signed(slope)));
				row.add(isFlat(metric.key(), variant) ? "flat (< 5% over the range)" : verdict(slopes));
				table.row(row);
			}
		}
		return table.toString();
	}

	/**
	 * Cost of one queue over the whole range (first to last queue count), per metric and variant, as
	 * {@code growth.per_queue.<metric>.<variant>}; and the starter's extra per queue, {@code ...starter.vs.raw}.
	 */
	Map<String, String> perQueueValues() {
		Map<String, String> values = new LinkedHashMap<>();
		int first = this.counts.get(0);
		int last = this.counts.get(this.counts.size() - 1);
		for (Metric metric : this.result.metrics()) {
			Map<String, Double> slopeByVariant = new LinkedHashMap<>();
			for (String variant : this.result.variants()) {
				double slope = (median(last, metric.key(), variant) - median(first, metric.key(), variant))
						/ (last - first);
				slopeByVariant.put(variant, slope);
				values.put("growth.per_queue." + metric.key() + "." + variant, Format.number(slope));
			}
			if (slopeByVariant.containsKey("starter") && slopeByVariant.containsKey("raw")) {
				values.put("growth.per_queue." + metric.key() + ".starter.vs.raw",
						Format.signed(slopeByVariant.get("starter") - slopeByVariant.get("raw")));
			}
		}
		return values;
	}

	/** Whether the value hardly moves from the first to the last queue count: slopes of nothing are noise. */
	private boolean isFlat(String metric, String variant) {
		double first = median(this.counts.get(0), metric, variant);
		double last = median(this.counts.get(this.counts.size() - 1), metric, variant);
		return Math.abs(last - first) < 0.05 * Math.abs(first);
	}

	private List<Double> slopes(String metric, String variant) {
		List<Double> slopes = new ArrayList<>();
		for (int i = 1; i < this.counts.size(); i++) {
			double before = median(this.counts.get(i - 1), metric, variant);
			double after = median(this.counts.get(i), metric, variant);
			slopes.add((after - before) / (this.counts.get(i) - this.counts.get(i - 1)));
		}
		return slopes;
	}

	private double median(int queues, String metric, String variant) {
		return this.summary.stats(queues + ((queues == 1) ? " queue" : " queues"), metric, variant).median();
	}

	private static String verdict(List<Double> slopes) {
		if (slopes.size() < 2) {
			return "—";
		}
		double previous = slopes.get(slopes.size() - 2);
		double last = slopes.get(slopes.size() - 1);
		if (Math.abs(last) < 1e-9 || (previous <= 0 && last <= 0)) {
			return "flat";
		}
		if (previous <= 0) {
			return "noisy";
		}
		double ratio = last / previous;
		if (ratio > 1.5) {
			return "faster than linear (×" + Format.number(ratio) + ")";
		}
		if (ratio < 0.67) {
			return "slower than linear (×" + Format.number(ratio) + ")";
		}
		return "linear (×" + Format.number(ratio) + ")";
	}

}
