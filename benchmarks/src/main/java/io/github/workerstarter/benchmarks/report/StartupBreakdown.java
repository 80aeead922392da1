package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;

/**
 * Where startup time goes: stretches between the milestones each child JVM recorded (ms since its JVM started), as
 * medians over the repetitions, plus Boot's slowest startup steps from the one recorded run. Variants reach
 * different milestones, so a row lists the stretches that mean the same thing in each; a variant takes the first
 * one it has (both milestones, in that order) and shows a dash when it has none.
 */
final class StartupBreakdown {

	private record Stretch(String from, String to) {
	}

	private record Phase(String label, List<Stretch> stretches) {

		Phase(String label, String from, String to) {
			this(label, List.of(new Stretch(from, to)));
		}

	}

	private static final List<Phase> PHASES = List.of(
			new Phase("launch → JVM clock starts (exec, JVM init)", "launch", "jvm"),
			new Phase("JVM start → `main()`", "jvm", "main"),
			new Phase("Boot: `SpringApplication` set-up, environment, context created", "main", "context-prepared"),
			new Phase("Boot: refresh (configuration parsing, conditions, beans); the starters: includes the Temporal "
					+ "stubs/client/factory beans and the registration of the workflow and activity classes",
					List.of(new Stretch("context-prepared", "workers-starting"),
							new Stretch("context-prepared", "context-refreshed"))),
			new Phase("Boot: rest of refresh, ready event, `run()` returns (official: until its ready event)",
					List.of(new Stretch("workers-started", "run-returned"),
							new Stretch("context-refreshed", "run-returned"),
							new Stretch("context-refreshed", "application-ready"))),
			new Phase("SDK by hand: stubs, client, factory",
					List.of(new Stretch("run-returned", "client-built"), new Stretch("main", "client-built"))),
			new Phase("SDK by hand: two workers, types registered", "client-built", "workers-registered"),
			new Phase("namespace check and `WorkerFactory.start()` (official: on its ready event)",
					List.of(new Stretch("workers-registered", "workers-started"),
							new Stretch("workers-starting", "workers-started"),
							new Stretch("application-ready", "workers-started"))),
			new Phase("ready → first workflow completed", "ready", "first-workflow-completed"),
			new Phase("**total: JVM start → first workflow completed**", "jvm", "first-workflow-completed"));

	private final ScenarioResult result;

	private final String group;

	/**
	 * @param result the startup scenario's result
	 * @param group the group (JDK and launch mode) whose runs to break down
	 */
	StartupBreakdown(ScenarioResult result, String group) {
		this.result = result;
		this.group = group;
	}

	private List<Run> runs(String variant) {
		return this.result.runs()
			.stream()
			.filter((run) -> run.group().equals(this.group) && run.variant().equals(variant))
			.toList();
	}

	String table() {
		List<String> header = new ArrayList<>(List.of("phase (median ms)"));
		header.addAll(this.result.variants());
		MarkdownTable table = new MarkdownTable(header);
		for (Phase phase : PHASES) {
			List<String> row = new ArrayList<>(List.of(phase.label()));
			for (String variant : this.result.variants()) {
				Stats stats = Stats.of(runs(variant).stream()
					.map((run) -> duration(run, phase))
					.filter((value) -> value != null)
					.toList());
				row.add((stats.count() == 0) ? "—" : Format.number(stats.median()));
			}
			table.row(row);
		}
		return table.toString();
	}

	/** Milliseconds of the phase in one run, null when the run has none of its stretches. */
	private static Double duration(Run run, Phase phase) {
		for (Stretch stretch : phase.stretches()) {
			Double from = milestone(run, stretch.from());
			Double to = milestone(run, stretch.to());
			if (from != null && to != null && to >= from) {
				return to - from;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Double milestone(Run run, String name) {
		Map<String, Number> milestones = (Map<String, Number>) run.details().get("milestones_ms");
		switch (name) {
			case "jvm":
				return 0.0;
			case "launch": {
				// the harness saw the first workflow this long after launch; the JVM's own clock says less
				Number first = milestones.get("first-workflow-completed");
				return (first != null) ? first.doubleValue() - run.metrics().get("first_workflow_ms") : null;
			}
			case "ready": {
				// workers polling and, for Boot variants, run() returned: whichever came last
				double ready = Math.max(value(milestones, "workers-started"), value(milestones, "run-returned"));
				return (ready >= 0) ? ready : null;
			}
			default: {
				Number value = milestones.get(name);
				return (value != null) ? value.doubleValue() : null;
			}
		}
	}

	private static double value(Map<String, Number> milestones, String name) {
		Number value = milestones.get(name);
		return (value != null) ? value.doubleValue() : -1;
	}

	/** Median CPU time per thread group until the first workflow completed, for the groups that matter. */
	@SuppressWarnings("unchecked")
	String cpuByThread(int limit) {
		List<String> header = new ArrayList<>(List.of("CPU until first workflow, by thread (median ms)"));
		header.addAll(this.result.variants());
		MarkdownTable table = new MarkdownTable(header);
		List<String> groups = new ArrayList<>();
		runs("starter").stream()
			.findFirst()
			.map((run) -> (Map<String, Number>) run.details().get("startup_cpu_ms_by_thread"))
			.ifPresent((byThread) -> byThread.keySet().stream().limit(limit).forEach(groups::add));
		for (String group : groups) {
			List<String> row = new ArrayList<>(List.of(group));
			for (String variant : this.result.variants()) {
				Stats stats = Stats.of(runs(variant).stream()
					.map((run) -> (Map<String, Number>) run.details().get("startup_cpu_ms_by_thread"))
					.filter((byThread) -> byThread != null)
					.map((byThread) -> byThread.getOrDefault(group, 0).doubleValue())
					.toList());
				row.add((stats.count() == 0) ? "—" : Format.number(stats.median()));
			}
			table.row(row);
		}
		return table.toString();
	}

	@SuppressWarnings("unchecked")
	String slowestSteps(int limit) {
		Map<String, Number> steps = (Map<String, Number>) this.result.extras().get("slowest_steps_ms");
		if (steps == null || steps.isEmpty()) {
			return "(not recorded)";
		}
		MarkdownTable table = new MarkdownTable(List.of("Boot startup step (own time, nested steps excluded)", "ms"));
		steps.entrySet()
			.stream()
			.limit(limit)
			.forEach((step) -> table.row(List.of("`" + step.getKey() + "`", Format.number(step.getValue().doubleValue()))));
		return table.toString();
	}

}
