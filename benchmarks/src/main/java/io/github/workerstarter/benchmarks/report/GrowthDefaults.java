package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;
import io.github.workerstarter.benchmarks.harness.Summary;

/**
 * The growth run's largest queue count, variant by variant (issue 23): what each set of defaults costs in threads,
 * RSS, time to polling and idle CPU against raw's, and which kinds of thread make up the count.
 */
final class GrowthDefaults {

	private final ScenarioResult result;

	private final Summary summary;

	private final String group;

	GrowthDefaults(ScenarioResult result) {
		this.result = result;
		this.summary = new Summary(result);
		this.group = result.groups().get(result.groups().size() - 1);
	}

	Map<String, String> values(String prefix) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(prefix + ".defaults", defaultsTable());
		values.put(prefix + ".threads_by_kind", threadsByKind(8));
		values.put(prefix + ".jdk", String.valueOf(this.result.parameters().getOrDefault("jdk", "JDK ?")));
		return values;
	}

	private String defaultsTable() {
		MarkdownTable table = new MarkdownTable(List.of(this.group + ", by variant", "live threads", "vs raw",
				"RSS (MB)", "vs raw", "launch → polling (ms)", "vs raw", "idle CPU (ms/s)"));
		for (String variant : this.result.variants()) {
			List<String> row = new ArrayList<>(List.of("`" + variant + "`"));
			row.add(stats("threads", variant));
			row.add(variant.equals("raw") ? "—" : ratio("threads", variant));
			row.add(stats("rss_mb", variant));
			row.add(variant.equals("raw") ? "—" : ratio("rss_mb", variant));
			row.add(stats("polling_ms", variant));
			row.add(variant.equals("raw") ? "—"
					: Format.comparisonText(Metric.Compare.DIFFERENCE, this.summary.compare(this.group, "polling_ms",
							variant, this.group, "raw", Metric.Compare.DIFFERENCE)));
			row.add(stats("idle_cpu_ms_per_s", variant));
			table.row(row);
		}
		return table.toString();
	}

	private String stats(String metric, String variant) {
		Stats stats = this.summary.stats(this.group, metric, variant);
		return (stats.count() == 0) ? "—" : Format.statsText(stats);
	}

	private String ratio(String metric, String variant) {
		return Format.comparisonText(Metric.Compare.RATIO,
				this.summary.compare(this.group, metric, variant, this.group, "raw", Metric.Compare.RATIO));
	}

	/** Median live platform threads per kind (names with queues and numbers folded), the largest kinds first. */
	@SuppressWarnings("unchecked")
	private String threadsByKind(int limit) {
		Map<String, Map<String, Double>> byVariant = new LinkedHashMap<>();
		Map<String, Double> largest = new LinkedHashMap<>();
		for (String variant : this.result.variants()) {
			Map<String, List<Double>> counts = new LinkedHashMap<>();
			this.result.runs()
				.stream()
				.filter((run) -> run.group().equals(this.group) && run.variant().equals(variant))
				.map((run) -> (Map<String, Number>) run.details().get("threads_by_kind"))
				.filter((kinds) -> kinds != null)
				.forEach((kinds) -> kinds.forEach((kind, count) -> counts.computeIfAbsent(kind, (k) -> new ArrayList<>())
					.add(count.doubleValue())));
			Map<String, Double> medians = new LinkedHashMap<>();
			counts.forEach((kind, list) -> medians.put(kind, Stats.of(list).median()));
			byVariant.put(variant, medians);
			medians.forEach((kind, median) -> largest.merge(kind, median, Math::max));
		}
		List<String> header = new ArrayList<>(List.of("live threads by kind, " + this.group));
		this.result.variants().forEach((variant) -> header.add("`" + variant + "`"));
		MarkdownTable table = new MarkdownTable(header);
		largest.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(limit)
			.forEach((kind) -> {
				List<String> row = new ArrayList<>(List.of("`" + kind.getKey() + "`"));
				for (String variant : this.result.variants()) {
					Double count = byVariant.get(variant).get(kind.getKey());
					row.add((count == null) ? "0" : Format.number(count));
				}
				table.row(row);
			});
		return table.toString();
	}

}
