package io.github.workerstarter.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
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
import io.github.workerstarter.benchmarks.official.OrderOfficialStarterWorker;
import io.github.workerstarter.benchmarks.order.OrderRawWorker;
import io.github.workerstarter.benchmarks.order.OrderStarterWorker;
import io.github.workerstarter.benchmarks.plainboot.OrderPlainBootWorker;

/**
 * Scenario 1: order workflows (three activities, two queues) with a fixed number in flight, raw SDK against the
 * starter with actuator and Prometheus on the class path, against the raw wiring inside a plain Boot app
 * ({@code boot+raw}), which tells what the starter costs from what having Spring Boot in the JVM
 * costs, and against Temporal's own starter ({@code official}, with actuator and Prometheus as well). Each run is a fresh worker JVM that also drives the load
 * through its own client; the server is either inside that JVM ({@code in-process}) or a test server JVM of its
 * own, fresh per run, over TCP on 127.0.0.1 ({@code tcp}). Variants alternate run by run. CPU is also given
 * without the JIT compiler threads: in runs this short they still compile a third of the time, and how much
 * varies from run to run more than anything the variants do.
 *
 * <pre>
 * --n 2000 [--tcp-n 1000] --c 200 --warmup 200 --reps 3 --modes in-process,tcp
 * [--variants raw,starter,boot+raw,official,starter+enc]
 * [--out dir] [--jvm-opts "..."]
 * </pre>
 */
public final class Throughput {

	/**
	 * boot+raw: the raw wiring inside a plain Boot app, to tell the starter's cost from Spring Boot's presence;
	 * official: the same app on Temporal's own starter, on a class path of its own (actuator and Prometheus too);
	 * starter+enc: the starter app with temporal.payloads.encryption on (AES-256-GCM, every payload).
	 */
	static final List<String> VARIANTS = List.of("raw", "starter", "boot+raw", "official", "starter+enc");

	static final List<Metric> METRICS = List.of(
			new Metric("wf_per_s", "throughput", "wf/s", Compare.RATIO),
			new Metric("cpu_ms_per_wf", "worker JVM CPU per workflow", "ms", Compare.RATIO),
			new Metric("cpu_ms_per_wf_no_jit", "worker JVM CPU per workflow, JIT compiler excluded", "ms",
					Compare.RATIO),
			new Metric("worker_cores", "worker JVM CPU use", "cores", Compare.RATIO),
			new Metric("server_cpu_ms_per_wf", "server JVM CPU per workflow", "ms", Compare.RATIO),
			new Metric("server_cpu_ms_per_wf_no_jit", "server JVM CPU per workflow, JIT compiler excluded", "ms",
					Compare.RATIO),
			new Metric("server_cores", "server JVM CPU use", "cores", Compare.RATIO),
			new Metric("failed", "failed workflows", "count", Compare.NONE));

	private static final ObjectMapper JSON = new ObjectMapper();

	private Throughput() {
	}

	public static void main(String[] argv) throws Exception {
		run(argv);
	}

	public static ScenarioResult run(String[] argv) throws Exception {
		Args args = Args.parse(argv, "n", "tcp-n", "c", "warmup", "reps", "modes", "variants", "out", "jvm-opts");
		int n = args.integer("n", 2000);
		// TCP runs at about half the in-process rate: a smaller N keeps the whole set of runs short
		int tcpN = args.integer("tcp-n", n);
		int inFlight = args.integer("c", 200);
		int warmup = args.integer("warmup", Math.min(200, n));
		int reps = args.integer("reps", 3);
		List<String> modes = args.strings("modes", "in-process,tcp");
		List<String> variants = args.strings("variants", String.join(",", VARIANTS));
		ScenarioRecorder recorder = new ScenarioRecorder("throughput", Throughput.class, args);

		for (String mode : modes) {
			for (int rep = 1; rep <= reps; rep++) {
				for (String variant : RunOrder.of(variants, rep)) {
					ScenarioRecorder.progress("throughput " + mode + " " + variant + " rep " + rep + "/" + reps);
					int count = mode.equals("tcp") ? tcpN : n;
					String classpath = variant.equals("official") ? Classpaths.officialFull() : Classpaths.full();
					recorder.add(runOnce(recorder, classpath, mode, variant, rep, count, inFlight, warmup));
				}
			}
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("n", n);
		parameters.put("tcp_n", tcpN);
		parameters.put("c", inFlight);
		parameters.put("warmup", warmup);
		parameters.put("reps", reps);
		parameters.put("max_concurrent_activities", BenchWorkerOptions.MAX_CONCURRENT_ACTIVITIES);
		parameters.put("max_concurrent_workflow_tasks", BenchWorkerOptions.MAX_CONCURRENT_WORKFLOW_TASKS);
		Map<String, Object> extras = Map.of("extra_comparisons", Stream
			.of(List.of("starter", "boot+raw"), List.of("starter", "official"), List.of("starter+enc", "starter"))
			.filter(variants::containsAll)
			.toList());
		return recorder.finish(parameters, "raw", variants, modes, METRICS, extras);
	}

	private static Run runOnce(ScenarioRecorder recorder, String classpath, String mode, String variant, int rep,
			int n, int inFlight, int warmup) {
		String name = mode + "-" + variant.replace('+', '-') + "-" + rep;
		TestServerJvm server = mode.equals("tcp")
				? TestServerJvm.start(classpath, recorder.jvmOptions(), recorder.log(name + "-server")) : null;
		String target = (server != null) ? server.target() : BenchWorkerOptions.EMBEDDED;
		String main = switch (variant) {
			case "raw" -> OrderRawWorker.class.getName();
			case "starter", "starter+enc" -> OrderStarterWorker.class.getName();
			case "boot+raw" -> OrderPlainBootWorker.class.getName();
			case "official" -> OrderOfficialStarterWorker.class.getName();
			default -> throw new IllegalArgumentException("Unknown variant " + variant + "; known: " + VARIANTS);
		};
		List<String> childArgs = List.of("--target=" + target, "--queue=orders-" + name, "--n=" + n,
				"--c=" + inFlight, "--warmup=" + warmup, "--encrypt=" + variant.equals("starter+enc"));
		try (server; ChildJvm worker = ChildJvm.launch(name, classpath, recorder.jvmOptions(), main, childArgs,
				recorder.log(name))) {
			Duration timeout = Duration.ofMinutes(20);
			worker.awaitMarker("LOAD_START", timeout);
			Duration workerCpuStart = worker.cpu();
			Duration serverCpuStart = (server != null) ? server.cpu() : Duration.ZERO;
			long serverJitStart = (server != null) ? server.jitMillis() : 0;
			worker.awaitMarker("LOAD_END", timeout);
			Duration workerCpu = worker.cpu().minus(workerCpuStart);
			Duration serverCpu = (server != null) ? server.cpu().minus(serverCpuStart) : Duration.ZERO;
			long serverJit = (server != null) ? server.jitMillis() - serverJitStart : 0;
			JsonNode result = worker.awaitResult(Duration.ofMinutes(1));
			worker.awaitExit(Duration.ofMinutes(1));

			double completed = result.get("completed").asDouble();
			double elapsedSeconds = result.get("elapsed_ms").asDouble() / 1000;
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("wf_per_s", result.get("wf_per_s").asDouble());
			metrics.put("cpu_ms_per_wf", result.get("cpu_ms_per_wf").asDouble());
			metrics.put("cpu_ms_per_wf_no_jit", result.get("cpu_ms_per_wf_no_jit").asDouble());
			metrics.put("worker_cores", workerCpu.toNanos() / 1e9 / elapsedSeconds);
			if (server != null) {
				metrics.put("server_cpu_ms_per_wf", serverCpu.toNanos() / 1e6 / completed);
				metrics.put("server_cpu_ms_per_wf_no_jit", (serverCpu.toNanos() / 1e6 - serverJit) / completed);
				metrics.put("server_cores", serverCpu.toNanos() / 1e9 / elapsedSeconds);
			}
			metrics.put("failed", result.get("failed").asDouble());
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("load_peak_rss_mb", result.get("load_peak_rss_mb").asDouble());
			details.put("elapsed_ms", result.get("elapsed_ms").asDouble());
			if (result.has("payload_encoding")) {
				details.put("payload_encoding", result.get("payload_encoding").asText());
			}
			if (result.has("prototype_us")) {
				details.put("prototype_us", result.get("prototype_us").asDouble());
			}
			details.put("cpu_ms_per_wf_by_thread", JSON.convertValue(result.get("cpu_ms_per_wf_by_thread"), Map.class));
			return new Run(mode, variant, rep, metrics, details);
		}
	}

}
