package io.github.workerstarter.benchmarks.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.benchmarks.Report;
import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;
import io.github.workerstarter.benchmarks.harness.Summary;

/** The goals of issue 8, checked against the medians (the per-rep range is shown next to each). */
final class Goals {

	private final Map<String, ScenarioResult> results;

	private final MarkdownTable table = new MarkdownTable(List.of("goal", "measured (per-rep range)", "met?"));

	Goals(Map<String, ScenarioResult> results) {
		this.results = results;
	}

	String table() {
		throughputGoals(this.results.get("throughput"), "");
		throughputGoals(this.results.get(Report.TCP_CONFIRMATION), ", longer run");
		ScenarioResult startup = this.results.get("startup");
		if (startup != null) {
			String group = startup.groups().get(0);
			differenceAtMost(startup, group, "first_workflow_ms", 500, "startup overhead ≤ 0.5 s (launch → first workflow)");
			differenceAtMost(startup, group, "peak_rss_mb", 25, "memory overhead ≤ 25 MB (peak RSS)");
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
		return this.table.toString();
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
