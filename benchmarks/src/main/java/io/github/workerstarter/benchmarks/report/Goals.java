package io.github.workerstarter.benchmarks.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.benchmarks.Report;
import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;
import io.github.workerstarter.benchmarks.harness.Summary;

/**
 * The goals of issues 8, 15 and 23, checked against the medians (the per-rep range is shown next to each). Issue 15's
 * startup goals are judged in every group of the startup scenario (each JDK in each launch mode); issue 23's growth
 * goals at the largest queue count of each growth run (one per JDK), its latency goals in every group of each latency
 * run.
 */
final class Goals {

	private final Map<String, ScenarioResult> results;

	private final MarkdownTable table = new MarkdownTable(List.of("goal", "measured (per-rep range)", "met?"));

	Goals(Map<String, ScenarioResult> results) {
		this.results = results;
	}

	String table() {
		throughputGoals(this.results.get("throughput"), "");
		throughputGoals(this.results.get(Report.TCP_CONFIRMATION), ", longer run");
		officialThroughput(this.results.get("throughput"));
		ScenarioResult startup = this.results.get("startup");
		if (startup != null) {
			String group = startup.groups().get(0);
			differenceAtMost(startup, group, "first_workflow_ms", 500,
					"startup overhead ≤ 0.5 s (launch → first workflow, starter − raw, " + group + ")");
			differenceAtMost(startup, group, "peak_rss_mb", 25,
					"memory overhead ≤ 25 MB (peak RSS, starter − raw, " + group + ")");
			startupGoals(startup);
		}
		ScenarioResult drain = this.results.get("drain");
		if (drain != null) {
			String group = drain.groups().get(0);
			Stats overhead = new Summary(drain).stats(group, "overhead_ms", "starter");
			this.table.row(List.of("drain: exit within longest activity + 1 s (starter, every rep)",
					"+" + Format.number(overhead.median()) + " ms (" + Format.number(overhead.min()) + " to "
							+ Format.number(overhead.max()) + ")",
					verdict(overhead.max() <= 1000)));
			double lost = drain.runs()
				.stream()
				.filter((run) -> run.variant().equals("starter"))
				.mapToDouble((run) -> run.metrics().get("lost") + run.metrics().get("failed"))
				.sum();
			long runs = drain.runs().stream().filter((run) -> run.variant().equals("starter")).count();
			this.table.row(List.of("drain: 0 activities lost or failed (starter)",
					Format.number(lost) + " in " + runs + " runs", verdict(lost == 0)));
		}
		this.results.forEach((name, result) -> {
			if (name.startsWith("growth")) {
				growthGoals(result);
			}
		});
		this.results.forEach((name, result) -> {
			if (name.startsWith("latency")) {
				latencyGoals(result);
			}
		});
		determinismGoals(this.results.get("determinism"));
		return this.table.toString();
	}

	/**
	 * Issue 23: at the largest queue count, the starter's defaults against the raw SDK's, side by side in one run:
	 * live threads ≤ 25% of raw's from JDK 21 on (virtual threads), ≤ 50% before; RSS ≤ 75%; polling no later.
	 */
	private void growthGoals(ScenarioResult growth) {
		String group = growth.groups().get(growth.groups().size() - 1);
		String jdk = String.valueOf(growth.parameters().getOrDefault("jdk", "JDK ?"));
		boolean virtualThreads = jdk.matches("JDK (2[1-9]|[3-9][0-9])");
		double threadsBound = virtualThreads ? 0.25 : 0.50;
		Summary summary = new Summary(growth);
		Summary.Comparison threads = summary.compare(group, "threads", "starter", group, "raw", Metric.Compare.RATIO);
		this.table.row(List.of("live threads ≤ " + Math.round(threadsBound * 100) + "% of raw's (starter / raw, " + group
				+ ", " + jdk + ")", Format.comparisonText(Metric.Compare.RATIO, threads),
				verdict(threads.ofMedians() <= threadsBound)));
		Summary.Comparison rss = summary.compare(group, "rss_mb", "starter", group, "raw", Metric.Compare.RATIO);
		this.table.row(List.of("RSS ≤ 75% of raw's (starter / raw, " + group + ", " + jdk + ")",
				Format.comparisonText(Metric.Compare.RATIO, rss), verdict(rss.ofMedians() <= 0.75)));
		Summary.Comparison polling = summary.compare(group, "polling_ms", "starter", group, "raw",
				Metric.Compare.DIFFERENCE);
		this.table.row(List.of("time to polling no worse than raw's (starter − raw, " + group + ", " + jdk + ")",
				Format.comparisonText(Metric.Compare.DIFFERENCE, polling) + " ms", verdict(polling.ofMedians() <= 0)));
	}

	/**
	 * Issue 23: at a fixed rate, the starter's defaults no worse than raw's: latency p50 and p99 within 10% (the
	 * noise of a pair of runs here), throughput and CPU per workflow within the throughput goals' bounds.
	 */
	private void latencyGoals(ScenarioResult latency) {
		String jdk = String.valueOf(latency.parameters().getOrDefault("jdk", "JDK ?"));
		Summary summary = new Summary(latency);
		for (String group : latency.groups()) {
			for (String metric : List.of("latency_p50_ms", "latency_p99_ms")) {
				Summary.Comparison comparison = summary.compare(group, metric, "starter");
				this.table.row(List.of(latency.metric(metric).label() + " no worse than raw's (starter / raw ≤ 1.10, "
						+ group + ", " + jdk + ")", Format.comparisonText(latency.metric(metric), comparison),
						verdict(comparison.ofMedians() <= 1.10)));
			}
			Summary.Comparison rate = summary.compare(group, "wf_per_s", "starter");
			this.table.row(List.of("throughput at the fixed rate unchanged (starter / raw ≥ 0.97, " + group + ", " + jdk
					+ ")", Format.comparisonText(latency.metric("wf_per_s"), rate), verdict(rate.ofMedians() >= 0.97)));
			Summary.Comparison cpu = summary.compare(group, "cpu_ms_per_wf_no_jit", "starter");
			this.table.row(List.of("CPU per workflow unchanged (starter / raw ≤ 1.05, JIT excluded, " + group + ", " + jdk
					+ ")", Format.comparisonText(latency.metric("cpu_ms_per_wf_no_jit"), cpu),
					verdict(cpu.ofMedians() <= 1.05)));
		}
	}

	/** Issue 20: the determinism check in its default mode does not move time to polling. */
	private void determinismGoals(@Nullable ScenarioResult determinism) {
		if (determinism == null) {
			return;
		}
		Summary summary = new Summary(determinism);
		for (String group : determinism.groups()) {
			Summary.Comparison warn = summary.compare(group, "polling_ms", "warn", "off");
			this.table.row(List.of("determinism check in warn mode (the default) does not move time to polling: warn − "
					+ "off ≤ 50 ms (" + group + ")", Format.comparisonText(determinism.metric("polling_ms"), warn) + " ms",
					verdict(warn.ofMedians() <= 50)));
		}
	}

	/** Issue 15: the starter's own share, the best documented mode against raw, the official starter. */
	private void startupGoals(ScenarioResult startup) {
		for (String group : startup.groups()) {
			ownShare(startup, group, "starter", "boot+raw", "");
			ownShare(startup, group, "starter-spring-aot", "boot+raw-spring-aot", ", Spring AOT");
		}
		StartupModes modes = new StartupModes(startup);
		Summary summary = new Summary(startup);
		for (StartupModes.Best best : modes.bests()) {
			Summary.Comparison comparison = best.against(summary, Metric.Compare.DIFFERENCE);
			this.table.row(List.of("best documented mode polls no later than the raw SDK on a plain JVM ("
					+ best.jdk() + ": `" + best.variant() + "`, " + StartupModes.mode(best.group()) + " − raw, plain)",
					Format.comparisonText(Metric.Compare.DIFFERENCE, comparison) + " ms",
					verdict(comparison.ofMedians() <= 0)));
		}
		if (!startup.variants().containsAll(List.of("starter", "official"))) {
			return;
		}
		for (String group : startup.groups()) {
			Summary.Comparison time = summary.compare(group, "polling_ms", "starter", group, "official",
					Metric.Compare.RATIO);
			this.table.row(List.of("time to polling ≥ 25% shorter than the official starter's (starter / official ≤ 0.75, "
					+ group + ")", Format.comparisonText(Metric.Compare.RATIO, time), verdict(time.ofMedians() <= 0.75)));
			Summary.Comparison memory = summary.compare(group, "peak_rss_mb", "starter", group, "official",
					Metric.Compare.DIFFERENCE);
			this.table.row(List.of("peak RSS below the official starter's (starter − official < 0, " + group + ")",
					Format.comparisonText(Metric.Compare.DIFFERENCE, memory) + " MB", verdict(memory.ofMedians() < 0)));
		}
	}

	private void ownShare(ScenarioResult startup, String group, String variant, String control, String label) {
		if (!startup.variants().containsAll(List.of(variant, control))) {
			return;
		}
		Summary summary = new Summary(startup);
		Summary.Comparison time = summary.compare(group, "first_workflow_ms", variant, group, control,
				Metric.Compare.DIFFERENCE);
		this.table.row(List.of("the starter's own share ≤ 150 ms to first workflow (" + variant + " − " + control + ", "
				+ group + label + ")", Format.comparisonText(Metric.Compare.DIFFERENCE, time) + " ms",
				verdict(time.ofMedians() <= 150)));
		Summary.Comparison memory = summary.compare(group, "peak_rss_mb", variant, group, control,
				Metric.Compare.DIFFERENCE);
		this.table.row(List.of("the starter's own share ≤ 5 MB peak RSS (" + variant + " − " + control + ", " + group
				+ label + ")", Format.comparisonText(Metric.Compare.DIFFERENCE, memory) + " MB",
				verdict(memory.ofMedians() <= 5)));
	}

	private void officialThroughput(@Nullable ScenarioResult throughput) {
		if (throughput == null || !throughput.variants().contains("official")) {
			return;
		}
		for (String mode : throughput.groups()) {
			Summary.Comparison comparison = new Summary(throughput).compare(mode, "wf_per_s", "starter", "official");
			this.table.row(List.of("throughput equal to the official starter's (starter / official ≥ 0.97, " + mode + ")",
					Format.comparisonText(throughput.metric("wf_per_s"), comparison),
					verdict(comparison.ofMedians() >= 0.97)));
		}
	}

	private void throughputGoals(@Nullable ScenarioResult throughput, String label) {
		if (throughput == null) {
			return;
		}
		for (String mode : throughput.groups()) {
			String run = mode + label;
			ratioAtLeast(throughput, mode, "wf_per_s", 0.97, "throughput starter/raw ≥ 0.97 (" + run + ")");
			ratioAtMost(throughput, mode, "cpu_ms_per_wf_no_jit", 1.05,
					"CPU per workflow ≤ raw + 5%, JIT excluded (" + run + ")");
			ratioAtMost(throughput, mode, "cpu_ms_per_wf", 1.05, "CPU per workflow ≤ raw + 5%, all threads (" + run + ")");
		}
	}

	private void ratioAtLeast(ScenarioResult result, String group, String metric, double bound, String goal) {
		Summary.Comparison comparison = new Summary(result).compare(group, metric, "starter");
		this.table.row(List.of(goal, Format.comparisonText(result.metric(metric), comparison),
				verdict(comparison.ofMedians() >= bound)));
	}

	private void ratioAtMost(ScenarioResult result, String group, String metric, double bound, String goal) {
		Summary.Comparison comparison = new Summary(result).compare(group, metric, "starter");
		this.table.row(List.of(goal, Format.comparisonText(result.metric(metric), comparison),
				verdict(comparison.ofMedians() <= bound)));
	}

	private void differenceAtMost(ScenarioResult result, String group, String metric, double bound, String goal) {
		Summary.Comparison comparison = new Summary(result).compare(group, metric, "starter");
		this.table.row(List.of(goal, Format.comparisonText(result.metric(metric), comparison) + " "
				+ result.metric(metric).unit(), verdict(comparison.ofMedians() <= bound)));
	}

	private static String verdict(boolean met) {
		return met ? "yes" : "**no**";
	}

}
