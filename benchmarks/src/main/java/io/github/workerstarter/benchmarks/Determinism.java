package io.github.workerstarter.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.workerstarter.benchmarks.determinism.WideCallGraph;
import io.github.workerstarter.benchmarks.harness.Args;
import io.github.workerstarter.benchmarks.harness.ChildJvm;
import io.github.workerstarter.benchmarks.harness.Classpaths;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.Metric.Compare;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.RunOrder;
import io.github.workerstarter.benchmarks.harness.ScenarioRecorder;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.TestServerJvm;

/**
 * Scenario 5 (issue 20): what the determinism check of workflow code costs on the way to polling. A worker with one
 * workflow, the order workflow (the sample's flow) or a generated one whose call graph reaches {@code --classes}
 * application classes, started with {@code temporal.workflows.determinism-check} off, warn (the default: the check
 * runs on a thread of its own) and fail (on the startup path, before the workers poll). Measures launch → workers
 * polling, CPU until then, and the check's own time (wall and CPU of its thread), classes and methods from its
 * report. The minimal class path,
 * one test server JVM over TCP. Order: both workflows, the three modes in rotating order, then the next repetition.
 *
 * <pre>
 * --classes 200 --reps 5 [--out dir] [--jvm-opts "..."]
 * </pre>
 */
public final class Determinism {

	static final List<String> VARIANTS = List.of("off", "warn", "fail");

	static final List<Metric> METRICS = List.of(
			new Metric("polling_ms", "launch → workers polling", "ms", Compare.DIFFERENCE),
			new Metric("cpu_ms", "CPU time until polling", "ms", Compare.DIFFERENCE),
			new Metric("check_ms", "the check's own time", "ms", Compare.NONE),
			new Metric("check_cpu_ms", "the check's CPU time", "ms", Compare.NONE),
			new Metric("classes_read", "application classes read", "count", Compare.NONE),
			new Metric("methods_walked", "methods walked", "count", Compare.NONE));

	private Determinism() {
	}

	public static void main(String[] argv) throws Exception {
		run(argv);
	}

	public static ScenarioResult run(String[] argv) throws Exception {
		Args args = Args.parse(argv, "classes", "reps", "out", "jvm-opts");
		int classes = args.integer("classes", 200);
		int reps = args.integer("reps", 5);
		ScenarioRecorder recorder = new ScenarioRecorder("determinism", Determinism.class, args);
		Path generated = WideCallGraph.generate(classes, recorder.outDirectory().resolve("determinism-classes"),
				Classpaths.minimal());
		String classpath = generated + File.pathSeparator + Classpaths.minimal();
		Map<String, String> workflows = new LinkedHashMap<>();
		workflows.put("order", "order workflow");
		workflows.put("wide", classes + "-class workflow");
		try (TestServerJvm server = TestServerJvm.start(Classpaths.full(), recorder.jvmOptions(), recorder.log("server"))) {
			for (int rep = 1; rep <= reps; rep++) {
				for (Map.Entry<String, String> workflow : workflows.entrySet()) {
					for (String mode : RunOrder.of(VARIANTS, rep)) {
						ScenarioRecorder.progress("determinism " + workflow.getValue() + " " + mode + " rep " + rep + "/" + reps);
						recorder.add(runOnce(recorder, server, classpath, workflow.getKey(), workflow.getValue(), mode, rep));
					}
				}
			}
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("classes", classes);
		parameters.put("reps", reps);
		return recorder.finish(parameters, "off", VARIANTS, List.copyOf(workflows.values()), METRICS, Map.of());
	}

	private static Run runOnce(ScenarioRecorder recorder, TestServerJvm server, String classpath, String workflow,
			String group, String mode, int rep) {
		String name = workflow + "-" + mode + "-" + rep;
		List<String> childArgs = List.of("--target=" + server.target(), "--queue=determinism-" + name,
				"--workflow=" + workflow, "--mode=" + mode);
		try (ChildJvm worker = ChildJvm.launch(name, classpath, recorder.jvmOptions(),
				"io.github.workerstarter.benchmarks.determinism.DeterminismWorker", childArgs, recorder.log(name))) {
			Duration timeout = Duration.ofMinutes(3);
			ChildJvm.Marker polling = worker.awaitMarker("WORKERS_POLLING", timeout);
			JsonNode result = worker.awaitResult(timeout);
			worker.awaitExit(timeout);
			if (result.path("findings").asInt() != 0) {
				throw new IllegalStateException(name + ": the check found something in a deterministic workflow: " + result);
			}
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("polling_ms", polling.millisAfterLaunch());
			for (String metric : List.of("cpu_ms", "check_ms", "check_cpu_ms", "classes_read", "methods_walked")) {
				metrics.put(metric, result.get(metric).asDouble());
			}
			return new Run(group, mode, rep, metrics, Map.of());
		}
	}

}
