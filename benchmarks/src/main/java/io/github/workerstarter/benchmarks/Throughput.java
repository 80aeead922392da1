package io.github.workerstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import io.github.workerstarter.benchmarks.harness.Format;
import io.github.workerstarter.benchmarks.harness.Jdk;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.Metric.Compare;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.RunOrder;
import io.github.workerstarter.benchmarks.harness.ScenarioRecorder;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.harness.Summary;
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
 * <p>Then latency ({@code latency.json}): raw and starter again, each with its own defaults, in an open loop at fixed
 * fractions of the maximum measured in the closed loop ({@code --rates}, of raw's median throughput in the same
 * mode), for {@code --open-seconds} each: end-to-end latency of every workflow from its planned start to its
 * result, throughput and CPU per workflow at that rate.
 *
 * <pre>
 * --n 2000 [--tcp-n 1000] --c 200 --warmup 200 --reps 3 --modes in-process,tcp
 * [--variants raw,starter,boot+raw,official,starter+enc]
 * [--rates 0.5,0.9|none] [--open-seconds 20] [--open-reps reps] [--idle-queues 0] [--activity-cpu-ms 0] [--jdk /path/to/jdk] [--out dir]
 * [--jvm-opts "..."]
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
			new Metric("failed", "failed workflows", "count", Compare.NONE),
			new Metric("deadlock_detections", "deadlock detector fired (TMPRL1101 in the log)", "count",
					Compare.NONE));

	/** The open-loop runs: end-to-end latency at a fixed rate, then throughput and CPU at that rate. */
	static final List<Metric> LATENCY_METRICS = List.of(
			new Metric("latency_p50_ms", "latency p50", "ms", Compare.RATIO),
			new Metric("latency_p99_ms", "latency p99", "ms", Compare.RATIO),
			new Metric("latency_max_ms", "latency max", "ms", Compare.RATIO),
			new Metric("wf_per_s", "throughput", "wf/s", Compare.RATIO),
			new Metric("cpu_ms_per_wf", "worker JVM CPU per workflow", "ms", Compare.RATIO),
			new Metric("cpu_ms_per_wf_no_jit", "worker JVM CPU per workflow, JIT compiler excluded", "ms",
					Compare.RATIO),
			new Metric("server_cpu_ms_per_wf", "server JVM CPU per workflow", "ms", Compare.RATIO),
			new Metric("start_lag_ms", "last start sent late by", "ms", Compare.NONE),
			new Metric("failed", "failed workflows", "count", Compare.NONE),
			new Metric("deadlock_detections", "deadlock detector fired (TMPRL1101 in the log)", "count",
					Compare.NONE));

	/** The variants of the open-loop runs: each SDK's own defaults against the starter's. */
	static final List<String> LATENCY_VARIANTS = List.of("raw", "starter");

	private static final ObjectMapper JSON = new ObjectMapper();

	private Throughput() {
	}

	public static void main(String[] argv) throws Exception {
		run(argv);
	}

	public static ScenarioResult run(String[] argv) throws Exception {
		Args args = Args.parse(argv, "n", "tcp-n", "c", "warmup", "reps", "modes", "variants", "rates", "open-seconds",
				"open-reps", "activity-cpu-ms", "idle-queues", "jdk", "out", "jvm-opts");
		int n = args.integer("n", 2000);
		// TCP runs at about half the in-process rate: a smaller N keeps the whole set of runs short
		int tcpN = args.integer("tcp-n", n);
		int inFlight = args.integer("c", 200);
		int warmup = args.integer("warmup", Math.min(200, n));
		int reps = args.integer("reps", 3);
		List<String> modes = args.strings("modes", "in-process,tcp");
		List<String> variants = args.strings("variants", String.join(",", VARIANTS));
		List<Double> rates = args.string("rates", "0.5,0.9").equals("none") ? List.of()
				: args.strings("rates", "0.5,0.9").stream().map(Double::valueOf).toList();
		int openSeconds = args.integer("open-seconds", 20);
		int openReps = args.integer("open-reps", reps);
		int activityCpuMillis = args.integer("activity-cpu-ms", 0);
		int idleQueues = args.integer("idle-queues", 0);
		if (idleQueues > 0 && !variants.stream().allMatch(List.of("raw", "starter")::contains)) {
			throw new IllegalArgumentException("--idle-queues runs raw and starter only (--variants raw,starter)");
		}
		Jdk jdk = args.string("jdk", "").isEmpty() ? Jdk.current() : Jdk.at(args.string("jdk", ""));
		ScenarioRecorder recorder = new ScenarioRecorder("throughput", Throughput.class, args);

		for (String mode : modes) {
			for (int rep = 1; rep <= reps; rep++) {
				for (String variant : RunOrder.of(variants, rep)) {
					ScenarioRecorder.progress("throughput " + mode + " " + variant + " rep " + rep + "/" + reps);
					int count = mode.equals("tcp") ? tcpN : n;
					String classpath = variant.equals("official") ? Classpaths.officialFull() : Classpaths.full();
					recorder.add(runOnce(recorder, jdk, classpath, mode, variant, rep,
							new Load(count, inFlight, warmup, 0, activityCpuMillis, idleQueues)));
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
		parameters.put("activity_cpu_ms", activityCpuMillis);
		parameters.put("idle_queues", idleQueues);
		parameters.put("jdk", jdk.label());
		Map<String, Object> extras = Map.of("extra_comparisons", Stream
			.of(List.of("starter", "boot+raw"), List.of("starter", "official"), List.of("starter+enc", "starter"))
			.filter(variants::containsAll)
			.toList());
		ScenarioResult throughput = recorder.finish(parameters, "raw", variants, modes, METRICS, extras);
		List<String> openVariants = LATENCY_VARIANTS.stream().filter(variants::contains).toList();
		if (!rates.isEmpty() && openVariants.contains("raw")) {
			latency(args, throughput, jdk, modes, rates, openSeconds, openVariants, openReps,
					new Load(0, inFlight, warmup, 0, activityCpuMillis, idleQueues));
		}
		return throughput;
	}

	/**
	 * The open-loop runs, at each rate, in each mode: the rate is a fraction of raw's median closed-loop throughput
	 * in that mode (the measured maximum), the same for both variants.
	 */
	private static void latency(Args args, ScenarioResult throughput, Jdk jdk, List<String> modes, List<Double> rates,
			int openSeconds, List<String> variants, int reps, Load closed) {
		ScenarioRecorder recorder = new ScenarioRecorder("latency", Throughput.class, args);
		Summary summary = new Summary(throughput);
		List<String> groups = new ArrayList<>();
		Map<String, Object> maxima = new LinkedHashMap<>();
		Map<String, Object> offered = new LinkedHashMap<>();
		for (String mode : modes) {
			double maximum = summary.stats(mode, "wf_per_s", "raw").median();
			maxima.put(mode, maximum);
			for (double fraction : rates) {
				String group = latencyGroup(mode, fraction);
				groups.add(group);
				double perSecond = maximum * fraction;
				offered.put(group, perSecond);
				int count = Math.max(1, (int) Math.round(perSecond * openSeconds));
				for (int rep = 1; rep <= reps; rep++) {
					for (String variant : RunOrder.of(variants, rep)) {
						ScenarioRecorder.progress("latency " + group + " (" + Format.number(perSecond) + " wf/s) "
								+ variant + " rep " + rep + "/" + reps);
						Run run = runOnce(recorder, jdk, Classpaths.full(), mode, variant, rep,
								new Load(count, closed.inFlight(), closed.warmup(), perSecond, closed.activityCpuMillis(),
										closed.idleQueues()));
						recorder.add(new Run(group, run.variant(), run.rep(), run.metrics(), run.details()));
					}
				}
			}
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("rates", String.join(" and ", rates.stream().map((rate) -> Math.round(rate * 100) + "%").toList()));
		parameters.put("open_seconds", openSeconds);
		parameters.put("reps", reps);
		parameters.put("warmup", closed.warmup());
		parameters.put("activity_cpu_ms", closed.activityCpuMillis());
		parameters.put("idle_queues", closed.idleQueues());
		parameters.put("jdk", jdk.label());
		Map<String, Object> extras = new LinkedHashMap<>();
		extras.put("closed_loop_maximum_wf_per_s", maxima);
		extras.put("offered_wf_per_s", offered);
		recorder.finish(parameters, "raw", variants, groups, LATENCY_METRICS, extras);
	}

	static String latencyGroup(String mode, double fraction) {
		return mode + ", " + Math.round(fraction * 100) + "% load";
	}

	/**
	 * What one worker JVM does after its first workflow.
	 * @param count workflows measured
	 * @param inFlight workflows in flight in the closed loop (and its warm-up)
	 * @param warmup warm-up workflows, closed loop
	 * @param perSecond the open loop's rate, or 0 for the closed loop
	 * @param activityCpuMillis CPU time each payment activity computes
	 * @param idleQueues further queues running the same types with no load
	 */
	private record Load(int count, int inFlight, int warmup, double perSecond, int activityCpuMillis,
			int idleQueues) {
	}

	private static Run runOnce(ScenarioRecorder recorder, Jdk jdk, String classpath, String mode, String variant,
			int rep, Load load) {
		String name = mode + "-" + variant.replace('+', '-') + "-" + rep
				+ ((load.perSecond() > 0) ? "-open-" + Math.round(load.perSecond()) : "");
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
		List<String> childArgs = List.of("--target=" + target, "--queue=orders-" + name, "--n=" + load.count(),
				"--c=" + load.inFlight(), "--warmup=" + load.warmup(), "--rate=" + load.perSecond(),
				"--activity-cpu-ms=" + load.activityCpuMillis(), "--idle-queues=" + load.idleQueues(),
				"--encrypt=" + variant.equals("starter+enc"));
		try (server; ChildJvm worker = ChildJvm.launch(name, jdk, classpath, recorder.jvmOptions(), main, childArgs,
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
			metrics.put("deadlock_detections", (double) linesContaining(recorder.log(name), "[TMPRL1101]"));
			for (String key : List.of("latency_p50_ms", "latency_p99_ms", "latency_max_ms", "start_lag_ms")) {
				if (result.has(key)) {
					metrics.put(key, result.get(key).asDouble());
				}
			}
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

	// the child has exited, so its log is complete
	private static long linesContaining(Path log, String text) {
		try (Stream<String> lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains(text)).count();
		}
		catch (IOException | UncheckedIOException ex) {
			return -1;
		}
	}

}
