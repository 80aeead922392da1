package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Stats;

/**
 * Where startup time goes: consecutive milestones each child JVM recorded (ms since its JVM started), as medians over
 * the repetitions, plus Boot's slowest startup steps from the one recorded run.
 */
final class StartupBreakdown {

	/** A stretch between two milestones; a variant without both milestones shows a dash. */
	private record Phase(String label, String from, String to) {
	}

	private static final List<Phase> PHASES = List.of(
			new Phase("launch → JVM clock starts (exec, JVM init)", "launch", "jvm"),
			new Phase("JVM start → `main()`", "jvm", "main"),
			new Phase("raw: build stubs, client, factory", "main", "client-built"),
			new Phase("raw: create 2 workers, register types", "client-built", "workers-registered"),
			new Phase("raw: `WorkerFactory.start()`", "workers-registered", "workers-started"),
			new Phase("starter: `main()` → `SpringApplication` starting", "main", "spring-starting"),
			new Phase("starter: environment (property sources, logging)", "spring-starting", "environment-prepared"),
			new Phase("starter: context created, sources loaded", "environment-prepared", "context-prepared"),
			new Phase("starter: refresh up to the workers (config parsing, conditions, all beans, Temporal stubs/client/"
					+ "factory, registration)", "context-prepared", "workers-starting"),
			new Phase("starter: `WorkerFactory.start()`", "workers-starting", "workers-started"),
			new Phase("starter: rest of refresh, ready event, `run()` returns", "workers-started", "run-returned"),
			new Phase("→ first workflow completed (raw: after start; starter: after `run()`)", "ready",
					"first-workflow-completed"),
			new Phase("**total: JVM start → first workflow completed**", "jvm", "first-workflow-completed"));

	private final ScenarioResult result;

	StartupBreakdown(ScenarioResult result) {
		this.result = result;
	}

	String table() {
		List<String> header = new ArrayList<>(List.of("phase (median ms)"));
		header.addAll(this.result.variants());
		MarkdownTable table = new MarkdownTable(header);
		for (Phase phase : PHASES) {
			List<String> row = new ArrayList<>(List.of(phase.label()));
			for (String variant : this.result.variants()) {
				Stats stats = Stats.of(this.result.runs()
					.stream()
					.filter((run) -> run.variant().equals(variant))
					.map((run) -> duration(run, phase))
					.filter((value) -> value != null)
					.toList());
				row.add((stats.count() == 0) ? "—" : Format.number(stats.median()));
			}
			table.row(row);
		}
		return table.toString();
	}

	/** Milliseconds between the phase's two milestones in one run, null when the run has not got both. */
	private static Double duration(Run run, Phase phase) {
		Double from = milestone(run, phase.from());
		Double to = milestone(run, phase.to());
		return (from != null && to != null) ? to - from : null;
	}

	@SuppressWarnings("unchecked")
	private static Double milestone(Run run, String name) {
		Map<String, Number> milestones = (Map<String, Number>) run.details().get("milestones_ms");
		switch (name) {
			case "jvm":
				return 0.0;
			case "launch": {
				// the harness saw the first workflow this long after launch; the JVM's clock says less
				Number first = milestones.get("first-workflow-completed");
				return (first != null) ? first.doubleValue() - run.metrics().get("first_workflow_ms") : null;
			}
			case "ready": {
				Number ready = milestones.containsKey("run-returned") ? milestones.get("run-returned")
						: milestones.get("workers-started");
				return (ready != null) ? ready.doubleValue() : null;
			}
			default: {
				Number value = milestones.get(name);
				return (value != null) ? value.doubleValue() : null;
			}
		}
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
