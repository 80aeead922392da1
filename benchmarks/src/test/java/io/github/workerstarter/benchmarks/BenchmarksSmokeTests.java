package io.github.workerstarter.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.workerstarter.benchmarks.harness.Jdk;
import io.github.workerstarter.benchmarks.harness.LaunchMode;
import io.github.workerstarter.benchmarks.harness.Metric;
import io.github.workerstarter.benchmarks.harness.Run;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Every scenario end to end with tiny sizes (child JVMs, servers, result file), then the report from those files.
 * Proves the benchmarks still run and produce well-formed results; no timing is asserted, the sizes are far too
 * small for that and the build machine is shared. The scenarios run two at a time and their JVMs with C1 only,
 * because nearly all of the time is JVM start-ups; the startup scenario on the build's JDK only, plain and with the
 * class data archive of a training run.
 */
class BenchmarksSmokeTests {

	private static final Path OUT = Path.of("target", "smoke");

	private static final String[] COMMON = { "--out", OUT.toString(), "--jvm-opts", "-XX:TieredStopAtLevel=1" };

	private static ExecutorService executor;

	private static Future<ScenarioResult> throughput;

	private static Future<ScenarioResult> startup;

	private static Future<ScenarioResult> drain;

	private static Future<ScenarioResult> growth;

	private static Future<ScenarioResult> determinism;

	@BeforeAll
	static void runScenarios() {
		executor = Executors.newFixedThreadPool(2);
		// and the open loop at half of raw's rate, briefly
		throughput = submit(() -> Throughput.run(args("--n", "4", "--c", "2", "--warmup", "2", "--reps", "1", "--rates",
				"0.5", "--open-seconds", "2")));
		// every kind of variant once (starter+actuator is the starter on another class path, boot+raw-spring-aot the
		// control's Spring AOT twin), plain and with a training run
		startup = submit(() -> Startup.run(args("--reps", "1", "--modes", "plain,fast", "--variants",
				"raw,boot+raw,starter,official,starter-spring-aot")));
		drain = submit(() -> Drain.run(args("--activities", "3", "--activity-ms", "500", "--reps", "1")));
		growth = submit(() -> Growth.run(args("--queues", "1,2", "--reps", "1", "--variants",
				"raw,starter,starter-sdk-defaults,starter-autoscaling")));
		determinism = submit(() -> Determinism.run(args("--classes", "12", "--reps", "1")));
	}

	@AfterAll
	static void stop() {
		executor.shutdownNow();
	}

	@Test
	void throughputRunsEveryVariantInBothServerModes() throws Exception {
		ScenarioResult result = throughput.get();
		assertWellFormed(result, List.of("in-process", "tcp"));
		assertThat(result.variants()).containsExactly("raw", "starter", "boot+raw", "official", "starter+enc");
		// the encrypted variant's server stored ciphertext, the starter's JSON
		assertThat(result.runs()).filteredOn((run) -> run.variant().equals("starter+enc"))
			.isNotEmpty()
			.allSatisfy((run) -> assertThat(run.details().get("payload_encoding")).isEqualTo("binary/encrypted"));
		assertThat(result.runs()).filteredOn((run) -> run.variant().equals("starter"))
			.allSatisfy((run) -> assertThat(run.details().get("payload_encoding")).isEqualTo("json/plain"));
		result.runs().forEach((run) -> {
			assertThat(run.metrics().get("wf_per_s")).isPositive();
			assertThat(run.metrics().get("cpu_ms_per_wf")).isPositive();
			assertThat(run.metrics().get("failed")).isZero();
		});
		assertThat(result.runs()).filteredOn((run) -> run.group().equals("tcp"))
			.allSatisfy((run) -> assertThat(run.metrics()).containsKey("server_cpu_ms_per_wf"));
	}

	@Test
	void latencyRunsRawAndStarterInAnOpenLoopInBothServerModes() throws Exception {
		throughput.get();
		ScenarioResult result = ScenarioResult.read(OUT.resolve("latency.json"));
		assertThat(result.groups()).containsExactly("in-process, 50% load", "tcp, 50% load");
		assertThat(result.variants()).containsExactly("raw", "starter");
		assertThat(result.runs()).hasSize(4).allSatisfy((run) -> {
			assertThat(run.metrics().get("latency_p50_ms")).isPositive();
			assertThat(run.metrics().get("latency_max_ms")).isGreaterThanOrEqualTo(run.metrics().get("latency_p99_ms"));
			assertThat(run.metrics().get("failed")).isZero();
			assertThat(run.metrics().get("deadlock_detections")).isNotNegative();
		});
		assertThat(result.extras()).containsKey("closed_loop_maximum_wf_per_s");
	}

	@Test
	void startupMeasuresEveryVariantInEveryLaunchModeAndRecordsBootSteps() throws Exception {
		ScenarioResult result = startup.get();
		Jdk jdk = Jdk.current();
		assertWellFormed(result, List.of(jdk.label() + ", " + LaunchMode.PLAIN.label(jdk),
				jdk.label() + ", " + LaunchMode.FAST.label(jdk)));
		// a training run per variant wrote the archive the fast group ran with
		assertThat(result.extras().get("training_s")).asInstanceOf(MAP).hasSize(result.variants().size());
		result.runs().forEach((run) -> {
			assertThat(run.metrics().get("first_workflow_ms")).isGreaterThan(run.metrics().get("polling_ms"));
			assertThat(run.metrics().get("peak_rss_mb")).isPositive();
			assertThat(run.details().get("milestones_ms")).asInstanceOf(MAP)
				.containsKeys("main", "workers-started", "first-workflow-completed");
		});
		assertThat(result.extras().get("slowest_steps_ms")).asInstanceOf(MAP).isNotEmpty();
	}

	@Test
	void drainLosesNoActivity() throws Exception {
		ScenarioResult result = drain.get();
		assertWellFormed(result, List.of("3 × 500 ms"));
		result.runs().forEach((run) -> {
			assertThat(run.metrics().get("lost")).isZero();
			assertThat(run.metrics().get("failed")).isZero();
			assertThat(run.metrics().get("exit_ms")).isPositive();
		});
	}

	@Test
	void growthRegistersEveryQueue() throws Exception {
		ScenarioResult result = growth.get();
		assertWellFormed(result, List.of("1 queue", "2 queues"));
		result.runs().forEach((run) -> {
			assertThat(run.metrics().get("threads")).isPositive();
			assertThat(run.metrics().get("idle_cpu_ms_per_s")).isNotNegative();
			assertThat(run.details().get("threads_by_kind")).asInstanceOf(MAP).isNotEmpty();
		});
	}

	@Test
	void determinismMeasuresTheCheckInEachModeOnBothWorkflows() throws Exception {
		ScenarioResult result = determinism.get();
		assertWellFormed(result, List.of("order workflow", "12-class workflow"));
		assertThat(result.variants()).containsExactly("off", "warn", "fail");
		result.runs().forEach((run) -> {
			assertThat(run.metrics().get("polling_ms")).isPositive();
			if (run.variant().equals("off")) {
				assertThat(run.metrics().get("classes_read")).isZero();
			}
			else {
				assertThat(run.metrics().get("check_ms")).isPositive();
				// the generated workflow and its twelve helpers are read, whatever the mode
				assertThat(run.metrics().get("classes_read")).isGreaterThanOrEqualTo(
						run.group().equals("order workflow") ? 5 : 13);
			}
		});
	}

	@Test
	void reportFillsTheTemplateFromTheResultFiles() throws Exception {
		for (Future<ScenarioResult> scenario : List.of(throughput, startup, drain, growth, determinism)) {
			scenario.get();
		}
		// the longer TCP-only run's file is read from tcp/; the smoke's own throughput file stands in for it
		Files.createDirectories(OUT.resolve("tcp"));
		Files.copy(OUT.resolve("throughput.json"), OUT.resolve("tcp").resolve("throughput.json"),
				StandardCopyOption.REPLACE_EXISTING);
		// and the runs on another JDK and with idle queues, from jdk25/ and many/ (a throughput run with --out writes
		// its closed loop next to its latency, and the report reads the closed-loop maximum of the idle-queue run)
		for (String[] copy : new String[][] { { "growth", "jdk25" }, { "latency", "jdk25" }, { "latency", "many" },
				{ "throughput", "many" } }) {
			Files.createDirectories(OUT.resolve(copy[1]));
			Files.copy(OUT.resolve(copy[0] + ".json"), OUT.resolve(copy[1]).resolve(copy[0] + ".json"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		String report = Report.generate(OUT, Files.readString(Path.of("BENCHMARKS.template.md")));
		assertThat(report).doesNotContain("{{").contains("| goal |").contains("in-process").contains("2 queues")
			.contains("tcp, longer run")
			.contains("best documented mode")
			.contains("the starter's own share")
			.contains("official starter")
			.contains("Latency at a fixed load")
			.contains("live threads ≤")
			.contains("latency p99 no worse than raw's")
			.contains("`starter-autoscaling`")
			.contains("determinism check in warn mode");
	}

	private static Future<ScenarioResult> submit(Callable<ScenarioResult> scenario) {
		return executor.submit(scenario);
	}

	private static String[] args(String... specific) {
		String[] all = new String[specific.length + COMMON.length];
		System.arraycopy(specific, 0, all, 0, specific.length);
		System.arraycopy(COMMON, 0, all, specific.length, COMMON.length);
		return all;
	}

	private static void assertWellFormed(ScenarioResult result, List<String> groups) {
		assertThat(result.groups()).containsExactlyElementsOf(groups);
		assertThat(result.runs()).hasSize(groups.size() * result.variants().size());
		ScenarioResult read = ScenarioResult.read(OUT.resolve(result.scenario() + ".json"));
		assertThat(read.metrics()).isEqualTo(result.metrics());
		assertThat(read.runs()).extracting(Run::metrics).isEqualTo(result.runs().stream().map(Run::metrics).toList());
		for (Run run : result.runs()) {
			assertThat(result.variants()).contains(run.variant());
			for (Metric metric : result.metrics()) {
				Double value = run.metrics().get(metric.key());
				if (value != null) {
					assertThat(value).as(run.group() + " " + run.variant() + " " + metric.key()).isFinite();
				}
			}
		}
		assertThat(read.environment()).containsKeys("cpus", "memory_mb", "jdk", "machine_load");
	}

}
