package io.github.workerstarter.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.workerstarter.benchmarks.harness.Args;
import io.github.workerstarter.benchmarks.harness.ChildJvm;
import io.github.workerstarter.benchmarks.harness.Classpaths;
import io.github.workerstarter.benchmarks.harness.HistoryCheck;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.Metric.Compare;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.RunOrder;
import io.github.workerstarter.benchmarks.harness.ScenarioRecorder;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.TestServerJvm;

/**
 * Scenario 3: C activities of a known duration in flight, then SIGTERM, as an orchestrator stops a pod. Measures
 * SIGTERM → process exit against the longest activity still running at the signal, and counts, from the server's
 * histories, the activities whose completion never reached the server (lost) or that failed. The starter drains
 * from its lifecycle; the raw main does the SDK's documented shutdown in a shutdown hook.
 *
 * <pre>
 * --activities 50 --activity-ms 2000 --reps 3 [--out dir] [--jvm-opts "..."]
 * </pre>
 */
public final class Drain {

	static final List<String> VARIANTS = List.of("raw", "starter");

	static final List<Metric> METRICS = List.of(
			new Metric("exit_ms", "SIGTERM → process exit", "ms", Compare.DIFFERENCE),
			new Metric("longest_remaining_ms", "longest activity left at SIGTERM", "ms", Compare.DIFFERENCE),
			new Metric("overhead_ms", "exit − longest remaining", "ms", Compare.DIFFERENCE),
			new Metric("lost", "activities not completed on the server", "count", Compare.NONE),
			new Metric("failed", "activities failed on the server", "count", Compare.NONE),
			new Metric("interrupted", "activities interrupted in the worker", "count", Compare.NONE));

	private Drain() {
	}

	public static void main(String[] argv) throws Exception {
		run(argv);
	}

	public static ScenarioResult run(String[] argv) throws Exception {
		Args args = Args.parse(argv, "activities", "activity-ms", "reps", "out", "jvm-opts");
		int activities = args.integer("activities", 50);
		int activityMillis = args.integer("activity-ms", 2000);
		int reps = args.integer("reps", 3);
		ScenarioRecorder recorder = new ScenarioRecorder("drain", Drain.class, args);
		String group = activities + " × " + activityMillis + " ms";
		try (TestServerJvm server = TestServerJvm.start(Classpaths.full(), recorder.jvmOptions(), recorder.log("server"));
				HistoryCheck history = new HistoryCheck(server.target())) {
			for (int rep = 1; rep <= reps; rep++) {
				for (String variant : RunOrder.of(VARIANTS, rep)) {
					ScenarioRecorder.progress("drain " + variant + " rep " + rep + "/" + reps);
					recorder.add(runOnce(recorder, server, history, group, variant, rep, activities, activityMillis));
				}
			}
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("activities", activities);
		parameters.put("activity_ms", activityMillis);
		parameters.put("reps", reps);
		parameters.put("drain_timeout", "25s (starter default; the raw hook waits as long)");
		return recorder.finish(parameters, "raw", VARIANTS, List.of(group), METRICS, Map.of());
	}

	private static Run runOnce(ScenarioRecorder recorder, TestServerJvm server, HistoryCheck history, String group,
			String variant, int rep, int activities, int activityMillis) {
		String name = variant + "-" + rep;
		String queue = "drain-" + name;
		String main = variant.equals("raw") ? "io.github.workerstarter.benchmarks.drain.DrainRawWorker"
				: "io.github.workerstarter.benchmarks.drain.DrainStarterWorker";
		List<String> childArgs = List.of("--target=" + server.target(), "--queue=" + queue,
				"--activities=" + activities, "--activity-ms=" + activityMillis);
		try (ChildJvm worker = ChildJvm.launch(name, Classpaths.full(), recorder.jvmOptions(), main, childArgs,
				recorder.log(name))) {
			ChildJvm.Marker allStarted = worker.awaitMarker("ALL_STARTED", Duration.ofMinutes(2));
			long signalEpochMillis = System.currentTimeMillis();
			long signalNanos = System.nanoTime() - worker.launchedNanos();
			worker.terminate();
			long exitNanos = worker.awaitExit(Duration.ofMinutes(2));
			JsonNode result = worker.awaitResult(Duration.ofSeconds(10));

			double exitMillis = (exitNanos - signalNanos) / 1e6;
			double longestRemaining = allStarted.childEpochMillis() + activityMillis - signalEpochMillis;
			HistoryCheck.ActivityOutcomes outcomes = history.activityOutcomes(IntStream.range(0, activities)
				.mapToObj((i) -> queue + "-" + i)
				.toList());
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("exit_ms", exitMillis);
			metrics.put("longest_remaining_ms", longestRemaining);
			metrics.put("overhead_ms", exitMillis - longestRemaining);
			metrics.put("lost", (double) (activities - outcomes.completed()));
			metrics.put("failed", (double) outcomes.failed());
			metrics.put("interrupted", result.get("interrupted").asDouble());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("started", result.get("started").asInt());
			details.put("completed_in_worker", result.get("completed_in_worker").asInt());
			details.put("completed_on_server", outcomes.completed());
			return new Run(group, variant, rep, metrics, details);
		}
	}

}
