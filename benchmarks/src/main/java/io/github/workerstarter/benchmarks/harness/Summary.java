package io.github.workerstarter.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Statistics of a {@link ScenarioResult}: per group, metric and variant the median and range; per group and metric
 * the comparison of a variant with the baseline, both of medians and rep by rep (runs of one rep ran back to back,
 * so their ratio is the least disturbed by whatever else the machine did meanwhile).
 */
public final class Summary {

	private final ScenarioResult result;

	public Summary(ScenarioResult result) {
		this.result = result;
	}

	public Stats stats(String group, String metric, String variant) {
		return Stats.of(this.result.runs()
			.stream()
			.filter((run) -> run.group().equals(group) && run.variant().equals(variant))
			.map((run) -> run.metrics().get(metric))
			.filter(Objects::nonNull)
			.toList());
	}

	/**
	 * @param ofMedians ours/raw (or ours-raw) of the medians
	 * @param pairwise the same per repetition: median and range
	 */
	public record Comparison(double ofMedians, Stats pairwise) {

	}

	public Comparison compare(String group, String metricKey, String variant) {
		return compare(group, metricKey, variant, this.result.baseline());
	}

	public Comparison compare(String group, String metricKey, String variant, String baseline) {
		return compare(group, metricKey, variant, group, baseline, this.result.metric(metricKey).compare());
	}

	/**
	 * A variant in one group against a baseline in another (or the same) group, as a ratio or a difference: runs
	 * of the same repetition are paired, since a repetition runs every group and variant back to back.
	 * @param how {@link Metric.Compare#RATIO} or {@link Metric.Compare#DIFFERENCE}, whatever the metric's own
	 */
	public Comparison compare(String group, String metricKey, String variant, String baselineGroup, String baseline,
			Metric.Compare how) {
		double ofMedians = combine(how, stats(group, metricKey, variant).median(),
				stats(baselineGroup, metricKey, baseline).median());
		List<Double> pairs = new ArrayList<>();
		for (Run run : this.result.runs()) {
			if (run.group().equals(group) && run.variant().equals(variant) && run.metrics().containsKey(metricKey)) {
				this.result.runs()
					.stream()
					.filter((other) -> other.group().equals(baselineGroup) && other.variant().equals(baseline)
							&& other.rep() == run.rep() && other.metrics().containsKey(metricKey))
					.findFirst()
					.ifPresent((base) -> pairs
						.add(combine(how, run.metrics().get(metricKey), base.metrics().get(metricKey))));
			}
		}
		return new Comparison(ofMedians, Stats.of(pairs));
	}

	private static double combine(Metric.Compare how, double ours, double raw) {
		return (how == Metric.Compare.DIFFERENCE) ? ours - raw : ours / raw;
	}

	/** Plain-text tables for the console: the same numbers the report shows. */
	public String toText() {
		StringBuilder out = new StringBuilder();
		for (String group : this.result.groups()) {
			out.append("\n== ").append(this.result.scenario()).append(" / ").append(group).append('\n');
			for (Metric metric : this.result.metrics()) {
				out.append(String.format("  %-34s", metric.label() + " [" + metric.unit() + "]"));
				for (String variant : this.result.variants()) {
					Stats stats = stats(group, metric.key(), variant);
					if (stats.count() > 0) {
						out.append(String.format("  %s %s", variant, Format.statsText(stats)));
					}
				}
				if (metric.compare() != Metric.Compare.NONE) {
					for (String variant : this.result.variants()) {
						if (!variant.equals(this.result.baseline()) && stats(group, metric.key(), variant).count() > 0) {
							Comparison comparison = compare(group, metric.key(), variant);
							String sign = (metric.compare() == Metric.Compare.RATIO) ? "/" : "-";
							out.append(String.format("  | %s%s%s %s", variant, sign, this.result.baseline(),
									Format.comparisonText(metric, comparison)));
						}
					}
				}
				out.append('\n');
			}
		}
		return out.toString();
	}

}
