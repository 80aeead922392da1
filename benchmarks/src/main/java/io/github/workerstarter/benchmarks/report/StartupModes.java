package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;
import io.github.workerstarter.benchmarks.harness.Summary;

/**
 * The startup scenario across its groups (each JDK in each launch mode): one table per metric with the variants as
 * rows and the groups as columns, the comparisons that answer the questions of issue 15 per group, and each JDK's
 * best documented mode against the raw SDK on a plain JVM of the same JDK.
 */
final class StartupModes {

	/** A comparison of two variants in the same group. */
	record Pair(String variant, String baseline, Metric.Compare how, String label) {
	}

	static final List<Pair> PAIRS = List.of(
			new Pair("starter", "boot+raw", Metric.Compare.DIFFERENCE, "starter − boot+raw: the starter's own share"),
			new Pair("starter-spring-aot", "boot+raw-spring-aot", Metric.Compare.DIFFERENCE,
					"starter-spring-aot − boot+raw-spring-aot: the starter's own share with Spring AOT"),
			new Pair("boot+raw", "raw", Metric.Compare.DIFFERENCE, "boot+raw − raw: Spring Boot's share"),
			new Pair("official", "boot+raw", Metric.Compare.DIFFERENCE,
					"official − boot+raw: the official starter's own share"),
			new Pair("starter", "official", Metric.Compare.RATIO, "starter / official"),
			new Pair("starter", "official", Metric.Compare.DIFFERENCE, "starter − official"));

	private static final String PLAIN = "plain";

	private final ScenarioResult result;

	private final Summary summary;

	StartupModes(ScenarioResult result) {
		this.result = result;
		this.summary = new Summary(result);
	}

	Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		for (Metric metric : this.result.metrics()) {
			values.put("startup.by_mode." + metric.key(), byMode(metric));
			values.put("startup.comparisons." + metric.key(), comparisons(metric));
		}
		values.put("startup.best_mode", bestModes());
		return values;
	}

	/** Median (min–max) of one metric: variants down, groups across. */
	String byMode(Metric metric) {
		List<String> header = new ArrayList<>(List.of(metric.label() + " (" + metric.unit() + ")"));
		header.addAll(this.result.groups());
		MarkdownTable table = new MarkdownTable(header);
		for (String variant : this.result.variants()) {
			List<String> row = new ArrayList<>(List.of("`" + variant + "`"));
			for (String group : this.result.groups()) {
				Stats stats = this.summary.stats(group, metric.key(), variant);
				row.add((stats.count() == 0) ? "—" : Format.statsText(stats));
			}
			table.row(row);
		}
		return table.toString();
	}

	/** The comparisons of {@link #PAIRS} whose variants ran, each with its per-repetition range, per group. */
	String comparisons(Metric metric) {
		List<String> header = new ArrayList<>(List.of(metric.label() + " (" + metric.unit() + ")"));
		header.addAll(this.result.groups());
		MarkdownTable table = new MarkdownTable(header);
		for (Pair pair : PAIRS) {
			if (!this.result.variants().contains(pair.variant()) || !this.result.variants().contains(pair.baseline())) {
				continue;
			}
			List<String> row = new ArrayList<>(List.of(pair.label()));
			for (String group : this.result.groups()) {
				row.add(compare(group, metric, pair));
			}
			table.row(row);
		}
		return table.toString();
	}

	private String compare(String group, Metric metric, Pair pair) {
		Summary.Comparison comparison = this.summary.compare(group, metric.key(), pair.variant(), group,
				pair.baseline(), pair.how());
		return (comparison.pairwise().count() == 0) ? "—" : Format.comparisonText(pair.how(), comparison);
	}

	/** Each JDK's fastest documented way to start the starter app, against the raw SDK main on a plain JVM. */
	String bestModes() {
		MarkdownTable table = new MarkdownTable(List.of("JDK", "starter, best documented mode", "polling (ms)",
				"raw SDK, plain JVM (ms)", "difference (per-rep range)", "ratio (per-rep range)"));
		for (Best best : bests()) {
			Summary.Comparison difference = best.against(this.summary, Metric.Compare.DIFFERENCE);
			Summary.Comparison ratio = best.against(this.summary, Metric.Compare.RATIO);
			table.row(List.of(best.jdk(), "`" + best.variant() + "`, " + best.group(),
					Format.statsText(this.summary.stats(best.group(), "polling_ms", best.variant())),
					Format.statsText(this.summary.stats(best.plainGroup(), "polling_ms", "raw")),
					Format.comparisonText(Metric.Compare.DIFFERENCE, difference),
					Format.comparisonText(Metric.Compare.RATIO, ratio)));
		}
		return table.toString();
	}

	/**
	 * The starter in a JDK's best documented mode (the class data archive of a training run, with Spring AOT when
	 * that variant ran) and the plain group of the same JDK.
	 */
	record Best(String jdk, String group, String variant, String plainGroup) {

		Summary.Comparison against(Summary summary, Metric.Compare how) {
			return summary.compare(this.group, "polling_ms", this.variant, this.plainGroup, "raw", how);
		}

	}

	List<Best> bests() {
		List<Best> bests = new ArrayList<>();
		for (String plainGroup : this.result.groups()) {
			if (!mode(plainGroup).equals(PLAIN)) {
				continue;
			}
			String jdk = jdk(plainGroup);
			Optional<String> fast = this.result.groups()
				.stream()
				.filter((group) -> jdk(group).equals(jdk) && !mode(group).equals(PLAIN))
				.findFirst();
			String group = fast.orElse(plainGroup);
			String variant = this.result.variants().contains("starter-spring-aot") ? "starter-spring-aot" : "starter";
			bests.add(new Best(jdk, group, variant, plainGroup));
		}
		return bests;
	}

	/** Groups are labelled "JDK 17, plain", "JDK 25, AOT cache"... */
	static String jdk(String group) {
		return group.substring(0, group.indexOf(','));
	}

	static String mode(String group) {
		return group.substring(group.indexOf(',') + 1).trim();
	}

}
