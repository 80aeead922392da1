package io.github.workerstarter.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import io.github.workerstarter.benchmarks.order.OrderRawWorker;
import io.github.workerstarter.benchmarks.order.OrderStarterWorker;
import io.github.workerstarter.benchmarks.plainboot.OrderPlainBootWorker;

/**
 * Scenario 2: launch → all workers polling → first order workflow completed, and peak RSS, for the order worker
 * (two queues) as a raw SDK main and as a starter application without web. Every run is a fresh
 * {@code java -cp <class path> <main>} (exploded class path, no fat jar, no AOT or CDS archive of our own) against
 * one test server JVM over TCP. {@code raw}, {@code boot+raw} (a Spring Boot app without the starter's
 * auto-configuration, SDK wired by hand after {@code run()}) and {@code starter} share the minimal class path (no
 * actuator); {@code starter+actuator} is the starter app on the full class path, to show what actuator and
 * Prometheus add. Starter minus boot+raw is the starter's own cost, boot+raw minus raw is Spring Boot's.
 * One extra starter run, not timed, records Boot's startup steps for the breakdown.
 *
 * <pre>
 * --reps 5 [--out dir] [--jvm-opts "..."]
 * </pre>
 */
public final class Startup {

	static final List<String> VARIANTS = List.of("raw", "boot+raw", "starter", "starter+actuator");

	/** Besides each variant against raw: the starter against a plain Boot app, i.e. what the starter itself costs. */
	static final List<List<String>> EXTRA_COMPARISONS = List.of(List.of("starter", "boot+raw"));

	static final List<Metric> METRICS = List.of(
			new Metric("polling_ms", "launch → workers polling", "ms", Compare.DIFFERENCE),
			new Metric("first_workflow_ms", "launch → first workflow completed", "ms", Compare.DIFFERENCE),
			new Metric("startup_cpu_ms", "CPU time until first workflow", "ms", Compare.DIFFERENCE),
			new Metric("peak_rss_mb", "peak RSS (VmHWM)", "MB", Compare.DIFFERENCE),
			new Metric("loaded_classes", "classes loaded", "count", Compare.DIFFERENCE),
			new Metric("threads", "live threads", "count", Compare.DIFFERENCE));

	private static final ObjectMapper JSON = new ObjectMapper();

	private Startup() {
	}

	public static void main(String[] argv) throws Exception {
		run(argv);
	}

	public static ScenarioResult run(String[] argv) throws Exception {
		Args args = Args.parse(argv, "reps", "out", "jvm-opts");
		int reps = args.integer("reps", 5);
		ScenarioRecorder recorder = new ScenarioRecorder("startup", Startup.class, args);
		Map<String, Object> extras = new LinkedHashMap<>();
		try (TestServerJvm server = TestServerJvm.start(Classpaths.full(), recorder.jvmOptions(), recorder.log("server"))) {
			for (int rep = 1; rep <= reps; rep++) {
				for (String variant : RunOrder.of(VARIANTS, rep)) {
					ScenarioRecorder.progress("startup " + variant + " rep " + rep + "/" + reps);
					recorder.add(runOnce(recorder, server, variant, rep, false).run());
				}
			}
			ScenarioRecorder.progress("startup starter with Boot's step recording (breakdown only)");
			Measured recorded = runOnce(recorder, server, "starter", 0, true);
			extras.put("slowest_steps_ms", JSON.convertValue(recorded.result().get("slowest_steps_ms"), Map.class));
			extras.put("extra_comparisons", EXTRA_COMPARISONS);
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("reps", reps);
		parameters.put("launch", "java -cp <exploded class path> <main>, JDK default options");
		return recorder.finish(parameters, "raw", VARIANTS, List.of("order worker"), METRICS, extras);
	}

	private record Measured(Run run, JsonNode result) {
	}

	private static Measured runOnce(ScenarioRecorder recorder, TestServerJvm server, String variant, int rep,
			boolean recordSteps) throws Exception {
		String name = variant.replace('+', '-') + "-" + ((rep > 0) ? rep : "steps");
		String main = switch (variant) {
			case "raw" -> OrderRawWorker.class.getName();
			case "boot+raw" -> OrderPlainBootWorker.class.getName();
			default -> OrderStarterWorker.class.getName();
		};
		String classpath = variant.equals("starter+actuator") ? Classpaths.full() : Classpaths.minimal();
		List<String> childArgs = new ArrayList<>(List.of("--target=" + server.target(), "--queue=startup-" + name,
				"--n=0"));
		if (recordSteps) {
			childArgs.add("--record-steps=true");
		}
		try (ChildJvm worker = ChildJvm.launch(name, classpath, recorder.jvmOptions(), main, childArgs, recorder.log(name))) {
			Duration timeout = Duration.ofMinutes(2);
			ChildJvm.Marker polling = worker.awaitMarker("WORKERS_POLLING", timeout);
			ChildJvm.Marker first = worker.awaitMarker("FIRST_WORKFLOW", timeout);
			JsonNode result = worker.awaitResult(timeout);
			worker.awaitExit(timeout);
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("polling_ms", polling.millisAfterLaunch());
			metrics.put("first_workflow_ms", first.millisAfterLaunch());
			metrics.put("startup_cpu_ms", result.get("startup_cpu_ms").asDouble());
			metrics.put("peak_rss_mb", result.get("peak_rss_mb").asDouble());
			metrics.put("loaded_classes", result.get("loaded_classes").asDouble());
			metrics.put("threads", result.get("threads").asDouble());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("milestones_ms", JSON.convertValue(result.get("milestones_ms"), Map.class));
			details.put("first_workflow_failed", result.get("first_workflow_failed").asInt());
			details.put("startup_cpu_ms_by_thread", JSON.convertValue(result.get("startup_cpu_ms_by_thread"), Map.class));
			return new Measured(new Run("order worker", variant, rep, metrics, details), result);
		}
	}

}
