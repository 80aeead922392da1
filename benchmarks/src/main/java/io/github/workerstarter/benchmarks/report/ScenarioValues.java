package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;
import io.github.workerstarter.benchmarks.harness.Summary;

/**
 * The placeholders one scenario's result provides: its command, duration, machine load, main table, and every
 * median, range and comparison under {@code <scenario>.<group>.<metric>.<variant>} (the group part is left out
 * when the scenario has a single group; {@code first} and {@code last} name the first and last group).
 */
final class ScenarioValues {

	private final ScenarioResult result;

	private final Summary summary;

	ScenarioValues(ScenarioResult result) {
		this.result = result;
		this.summary = new Summary(result);
	}

	Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		String scenario = this.result.scenario();
		values.put(scenario + ".command", this.result.command());
		values.put(scenario + ".duration_s", String.valueOf(this.result.environment().get("duration_s")));
		values.put(scenario + ".load", loadText());
		values.put(scenario + ".date", String.valueOf(this.result.environment().get("date")));
		values.put(scenario + ".commit", String.valueOf(this.result.environment().getOrDefault("commit", "n/a")));
		this.result.parameters().forEach((name, value) -> values.put(scenario + ".param." + name, String.valueOf(value)));
		values.put(scenario + ".table", table(false).toString());
		values.put(scenario + ".table_by_metric", table(true).toString());
		for (String group : this.result.groups()) {
			List<String> prefixes = new ArrayList<>(List.of(scenario + "." + slug(group)));
			if (this.result.groups().size() == 1) {
				prefixes.add(scenario);
			}
			// the first and last group under fixed names, so the template does not depend on the parameters
			if (group.equals(this.result.groups().get(0))) {
				prefixes.add(scenario + ".first");
			}
			if (group.equals(this.result.groups().get(this.result.groups().size() - 1))) {
				prefixes.add(scenario + ".last");
			}
			for (Metric metric : this.result.metrics()) {
				for (String variant : this.result.variants()) {
					Stats stats = this.summary.stats(group, metric.key(), variant);
					if (stats.count() == 0) {
						continue;
					}
					for (String prefix : prefixes) {
						String key = prefix + "." + metric.key() + "." + variant;
						values.put(key, Format.number(stats.median()));
						values.put(key + ".range", Format.number(stats.min()) + "–" + Format.number(stats.max()));
						if (metric.compare() == Metric.Compare.NONE) {
							continue;
						}
						for (String other : this.result.variants()) {
							if (other.equals(variant) || this.summary.stats(group, metric.key(), other).count() == 0) {
								continue;
							}
							Summary.Comparison comparison = this.summary.compare(group, metric.key(), variant, other);
							values.put(key + ".vs." + other, Format.comparisonText(metric, comparison));
							values.put(key + ".vs." + other + ".median", (metric.compare() == Metric.Compare.RATIO)
									? Format.ratio(comparison.ofMedians()) : Format.signed(comparison.ofMedians()));
						}
					}
				}
			}
		}
		return values;
	}

	/**
	 * Medians with ranges per variant, then each variant against the baseline.
	 * @param byMetric rows ordered metric first (to read one metric across groups), else group first
	 */
	MarkdownTable table(boolean byMetric) {
		List<String> header = new ArrayList<>();
		if (this.result.groups().size() > 1) {
			header.add("");
		}
		header.add("metric");
		for (String variant : this.result.variants()) {
			header.add(variant + " median (min–max)");
		}
		for (List<String> pair : comparisons()) {
			header.add(pair.get(0) + " vs " + pair.get(1) + " (per-rep range)");
		}
		MarkdownTable table = new MarkdownTable(header);
		if (byMetric) {
			for (Metric metric : this.result.metrics()) {
				for (String group : this.result.groups()) {
					addRow(table, group, metric);
				}
			}
		}
		else {
			for (String group : this.result.groups()) {
				for (Metric metric : this.result.metrics()) {
					addRow(table, group, metric);
				}
			}
		}
		return table;
	}

	private void addRow(MarkdownTable table, String group, Metric metric) {
		if (this.summary.stats(group, metric.key(), this.result.baseline()).count() == 0) {
			return;
		}
		List<String> row = new ArrayList<>();
		if (this.result.groups().size() > 1) {
			row.add(group);
		}
		row.add(metric.label() + " (" + metric.unit() + ")");
		for (String variant : this.result.variants()) {
			row.add(Format.statsText(this.summary.stats(group, metric.key(), variant)));
		}
		for (List<String> pair : comparisons()) {
			if (metric.compare() == Metric.Compare.NONE) {
				row.add("—");
			}
			else {
				String operator = (metric.compare() == Metric.Compare.RATIO) ? "ratio " : "diff ";
				row.add(operator + Format.comparisonText(metric,
						this.summary.compare(group, metric.key(), pair.get(0), pair.get(1))));
			}
		}
		table.row(row);
	}

	/** Each variant against the baseline, then the scenario's extra pairs (e.g. starter against boot+raw). */
	@SuppressWarnings("unchecked")
	private List<List<String>> comparisons() {
		List<List<String>> pairs = new ArrayList<>();
		for (String variant : this.result.variants()) {
			if (!variant.equals(this.result.baseline())) {
				pairs.add(List.of(variant, this.result.baseline()));
			}
		}
		Object extra = (this.result.extras() != null) ? this.result.extras().get("extra_comparisons") : null;
		if (extra != null) {
			pairs.addAll((List<List<String>>) extra);
		}
		return pairs;
	}

	@SuppressWarnings("unchecked")
	private String loadText() {
		Map<String, Object> load = (Map<String, Object>) this.result.environment().get("machine_load");
		if (load == null || !load.containsKey("machine_busy_share")) {
			return "not measured";
		}
		return String.format(Locale.ROOT,
				"machine busy %.0f%% of all cores, of which these benchmarks %.0f%% and other processes %.0f%%; "
						+ "load average %s at the start, %s at the end",
				100 * number(load.get("machine_busy_share")), 100 * number(load.get("our_share")),
				100 * number(load.get("other_processes_share")), load.get("load_average_start"),
				load.get("load_average_end"));
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	static String slug(String group) {
		return group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
