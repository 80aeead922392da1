package io.github.workerstarter.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.workerstarter.benchmarks.harness.Args;
import io.github.workerstarter.benchmarks.harness.ChildJvm;
import io.github.workerstarter.benchmarks.harness.Classpaths;
import io.github.workerstarter.benchmarks.harness.Jdk;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.Metric.Compare;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.RunOrder;
import io.github.workerstarter.benchmarks.harness.ScenarioRecorder;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.TestServerJvm;

/**
 * Scenario 4: 1, 10, 50, 200 configured queues, each with a workflow and an activity type. The starter gets them from
 * {@code temporal.workers.<queue>.identity} properties and annotations with placeholders; the raw main loops over
 * the queues. Measures launch → workers polling, heap in use after full GCs, live threads, against one test server
 * JVM over TCP; the minimal class path (no actuator) for both. Order: every queue count, both variants, then the
 * next repetition. Each variant runs with its own defaults: the SDK's for raw, the starter's for starter.
 * {@code starter-sdk-defaults} is the starter with the SDK's pollers and platform threads (what it chose before
 * issue 23); {@code starter-autoscaling} the starter as it runs against a server that advertises poller autoscaling
 * (the SDK's test server does not, so the variant sets the same poller behaviour by property).
 *
 * <pre>
 * --queues 1,10,50,200 --reps 3 [--variants raw,starter[,starter-sdk-defaults,starter-autoscaling]] [--jdk /path/to/jdk] [--out dir]
 * [--jvm-opts "..."]
 * </pre>
 */
public final class Growth {

	static final List<String> VARIANTS = List.of("raw", "starter");

	/** What {@code --variants} may name. */
	static final List<String> KNOWN_VARIANTS = List.of("raw", "starter", "starter-sdk-defaults", "starter-autoscaling");

	static final List<Metric> METRICS = List.of(
			new Metric("polling_ms", "launch → workers polling", "ms", Compare.DIFFERENCE),
			new Metric("cpu_ms", "CPU time until polling", "ms", Compare.DIFFERENCE),
			new Metric("heap_after_gc_mb", "heap used after GC", "MB", Compare.DIFFERENCE),
			new Metric("threads", "live threads", "count", Compare.DIFFERENCE),
			new Metric("rss_mb", "RSS", "MB", Compare.DIFFERENCE),
			new Metric("loaded_classes", "classes loaded", "count", Compare.DIFFERENCE),
			new Metric("idle_cpu_ms_per_s", "CPU while idle, after polling", "ms/s", Compare.DIFFERENCE));

	private static final ObjectMapper JSON = new ObjectMapper();

	private Growth() {
	}

	public static void main(String[] argv) throws Exception {
		run(argv);
	}

	public static ScenarioResult run(String[] argv) throws Exception {
		Args args = Args.parse(argv, "queues", "reps", "variants", "jdk", "out", "jvm-opts");
		List<Integer> queueCounts = args.integers("queues", "1,10,50,200");
		int reps = args.integer("reps", 3);
		List<String> variants = args.strings("variants", String.join(",", VARIANTS));
		if (!KNOWN_VARIANTS.containsAll(variants) || !variants.contains("raw")) {
			throw new IllegalArgumentException("--variants must include raw and name only " + KNOWN_VARIANTS + ", was "
					+ variants);
		}
		// the worker JVMs' JDK (threads and memory differ between JDKs: virtual threads from 21 on)
		Jdk jdk = args.string("jdk", "").isEmpty() ? Jdk.current() : Jdk.at(args.string("jdk", ""));
		ScenarioRecorder recorder = new ScenarioRecorder("growth", Growth.class, args);
		List<String> groups = queueCounts.stream().map(Growth::group).toList();
		try (TestServerJvm server = TestServerJvm.start(Classpaths.full(), recorder.jvmOptions(), recorder.log("server"))) {
			for (int rep = 1; rep <= reps; rep++) {
				for (int queues : queueCounts) {
					for (String variant : RunOrder.of(variants, rep)) {
						ScenarioRecorder.progress("growth " + queues + " queues " + variant + " rep " + rep + "/" + reps
								+ " (" + jdk.label() + ")");
						recorder.add(runOnce(recorder, server, jdk, variant, rep, queues));
					}
				}
			}
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("queues", queueCounts);
		parameters.put("reps", reps);
		parameters.put("jdk", jdk.label());
		parameters.put("jdk_home", jdk.home().toString());
		return recorder.finish(parameters, "raw", variants, groups, METRICS, Map.of("queue_counts", queueCounts));
	}

	static String group(int queues) {
		return queues + ((queues == 1) ? " queue" : " queues");
	}

	private static Run runOnce(ScenarioRecorder recorder, TestServerJvm server, Jdk jdk, String variant, int rep,
			int queues) {
		String name = variant + "-" + queues + "-" + rep;
		String main = variant.equals("raw") ? "io.github.workerstarter.benchmarks.growth.GrowthRawWorker"
				: "io.github.workerstarter.benchmarks.growth.GrowthStarterWorker";
		List<String> childArgs = List.of("--target=" + server.target(), "--queue=growth-" + name,
				"--queues=" + queues, "--defaults=" + variant.replaceFirst("^starter-", ""));
		try (ChildJvm worker = ChildJvm.launch(name, jdk, Classpaths.minimal(), recorder.jvmOptions(), main,
				childArgs, recorder.log(name))) {
			Duration timeout = Duration.ofMinutes(3);
			ChildJvm.Marker polling = worker.awaitMarker("WORKERS_POLLING", timeout);
			JsonNode result = worker.awaitResult(timeout);
			worker.awaitExit(timeout);
			if (!"ok".equals(result.path("check").asText())) {
				throw new IllegalStateException(name + ": the check workflow on the last queue did not run: " + result);
			}
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("polling_ms", polling.millisAfterLaunch());
			metrics.put("cpu_ms", result.get("cpu_ms").asDouble());
			metrics.put("heap_after_gc_mb", result.get("heap_after_gc_mb").asDouble());
			metrics.put("threads", result.get("threads").asDouble());
			metrics.put("rss_mb", result.get("rss_mb").asDouble());
			metrics.put("loaded_classes", result.get("loaded_classes").asDouble());
			metrics.put("idle_cpu_ms_per_s", result.get("idle_cpu_ms_per_s").asDouble());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("queues", queues);
			details.put("cpu_ms_by_thread", JSON.convertValue(result.get("cpu_ms_by_thread"), Map.class));
			details.put("threads_by_kind", JSON.convertValue(result.get("threads_by_kind"), Map.class));
			return new Run(group(queues), variant, rep, metrics, details);
		}
	}

}
