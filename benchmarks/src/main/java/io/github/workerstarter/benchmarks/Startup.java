package io.github.workerstarter.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.util.FileSystemUtils;

import io.github.workerstarter.benchmarks.harness.Args;
import io.github.workerstarter.benchmarks.harness.ChildJvm;
import io.github.workerstarter.benchmarks.harness.Classpaths;
import io.github.workerstarter.benchmarks.harness.Jdk;
import io.github.workerstarter.benchmarks.harness.LaunchMode;
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
 * Scenario 2: launch → all workers polling → first order workflow completed, and peak RSS, for the order worker
 * (two queues), against one test server JVM over TCP. Every run is a fresh {@code java -cp <jars> <main>} (this
 * module's classes as a jar, the dependencies' jars).
 *
 * <p>Variants: {@code raw} (the SDK main), {@code boot+raw} (a Spring Boot app without the starter's
 * auto-configuration, SDK wired by hand after {@code run()}), {@code starter}, {@code official} (the same app on
 * Temporal's {@code temporal-spring-boot-starter}, on a class path of its own) share the minimal class path (no
 * actuator); {@code starter+actuator} is the starter app on the full class path. {@code boot+raw-spring-aot} and
 * {@code starter-spring-aot} are the two Boot apps with Spring AOT ({@code spring-boot:process-aot} at build time,
 * {@code -Dspring.aot.enabled=true}). Starter minus boot+raw is the starter's own cost, boot+raw minus raw is Spring
 * Boot's.
 *
 * <p>Groups: each JDK ({@code --jdks}) in each launch mode ({@code --modes}): {@code plain}, or {@code fast}, with
 * the class data archive of a training run of the same variant (CDS before JDK 25, the AOT cache from 25 on). The
 * Boot variants train as Spring Boot documents it, {@code -Dspring.context.exit=onRefresh}: the context refreshes,
 * then the JVM exits before any lifecycle starts, so neither starter polls or contacts the server; the SDK mains
 * ({@code raw}, {@code boot+raw}) exit at the same point, everything built and nothing started. Within a
 * repetition the groups run one after the other and the variants interleave, in reversed order every other
 * repetition. One extra starter run, not timed, records Boot's startup steps for the breakdown.
 *
 * <pre>
 * --reps 5 [--jdks /path/jdk17,/path/jdk25] [--modes plain,fast] [--variants raw,starter,...] [--out dir]
 * [--jvm-opts "..."]
 * </pre>
 */
public final class Startup {

	static final List<String> VARIANTS = List.of("raw", "boot+raw", "starter", "official", "starter+actuator",
			"boot+raw-spring-aot", "starter-spring-aot");

	/** Besides each variant against raw: the starter against the plain Boot app (its own cost) and its peer. */
	static final List<List<String>> EXTRA_COMPARISONS = List.of(List.of("starter", "boot+raw"),
			List.of("starter", "official"), List.of("official", "boot+raw"),
			List.of("starter-spring-aot", "boot+raw-spring-aot"));

	static final List<Metric> METRICS = List.of(
			new Metric("polling_ms", "launch → workers polling", "ms", Compare.DIFFERENCE),
			new Metric("first_workflow_ms", "launch → first workflow completed", "ms", Compare.DIFFERENCE),
			new Metric("startup_cpu_ms", "CPU time until first workflow", "ms", Compare.DIFFERENCE),
			new Metric("peak_rss_mb", "peak RSS (VmHWM)", "MB", Compare.DIFFERENCE),
			new Metric("loaded_classes", "classes loaded", "count", Compare.DIFFERENCE),
			new Metric("threads", "live threads", "count", Compare.DIFFERENCE));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private Startup() {
	}

	/**
	 * One way of starting the order worker.
	 * @param name as in {@link #VARIANTS}
	 * @param main its main class
	 * @param classpath jars it runs with
	 * @param boot whether it is a Spring Boot application whose training ends with {@code spring.context.exit}
	 * @param springAot whether it runs the code {@code process-aot} generated
	 */
	private record Variant(String name, String main, String classpath, boolean boot, boolean springAot) {

		List<String> jvmOptions(List<String> common) {
			List<String> options = new ArrayList<>(common);
			if (this.springAot) {
				options.add("-Dspring.aot.enabled=true");
			}
			return options;
		}

		String fileName() {
			return this.name.replace('+', '-');
		}

	}

	/** A JDK in a launch mode: one group of the results. */
	private record Group(Jdk jdk, LaunchMode mode) {

		String label() {
			return this.jdk.label() + ", " + this.mode.label(this.jdk);
		}

		String fileName() {
			return "jdk" + this.jdk.feature() + "-" + this.mode.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public static void main(String[] argv) throws Exception {
		run(argv);
	}

	public static ScenarioResult run(String[] argv) throws Exception {
		Args args = Args.parse(argv, "reps", "jdks", "modes", "variants", "out", "jvm-opts");
		int reps = args.integer("reps", 5);
		List<Jdk> jdks = args.strings("jdks", "").stream().map(Jdk::at).toList();
		if (jdks.isEmpty()) {
			jdks = List.of(Jdk.current());
		}
		List<LaunchMode> modes = args.strings("modes", "plain,fast").stream().map(LaunchMode::of).toList();
		List<String> variantNames = args.strings("variants", String.join(",", VARIANTS));
		ScenarioRecorder recorder = new ScenarioRecorder("startup", Startup.class, args);
		Path work = recorder.outDirectory().resolve("startup-files");
		// jarred anew on every run: jars (and archives trained on them) left by an earlier build would measure old code
		FileSystemUtils.deleteRecursively(work);
		Map<String, Variant> variants = variants(variantNames, work.resolve("jars"));
		List<Group> groups = new ArrayList<>();
		for (Jdk jdk : jdks) {
			for (LaunchMode mode : modes) {
				groups.add(new Group(jdk, mode));
			}
		}
		Map<String, Object> extras = new LinkedHashMap<>();
		Map<String, Double> trainingSeconds = new LinkedHashMap<>();
		try (TestServerJvm server = TestServerJvm.start(Classpaths.full(), recorder.jvmOptions(), recorder.log("server"))) {
			Map<String, Path> archives = new LinkedHashMap<>();
			for (Group group : groups) {
				if (!group.mode().needsTraining()) {
					continue;
				}
				for (Variant variant : variants.values()) {
					ScenarioRecorder.progress("startup " + group.label() + " " + variant.name() + ": training run");
					Path archive = work.resolve("archives")
						.resolve(group.fileName() + "-" + variant.fileName() + group.mode().archiveSuffix(group.jdk()));
					long started = System.nanoTime();
					train(recorder, server, group, variant, archive);
					trainingSeconds.put(group.label() + " " + variant.name(), (System.nanoTime() - started) / 1e9);
					archives.put(group.label() + " " + variant.name(), archive);
				}
			}
			for (int rep = 1; rep <= reps; rep++) {
				for (Group group : RunOrder.of(groups, rep)) {
					for (String name : RunOrder.of(variantNames, rep)) {
						Variant variant = variants.get(name);
						ScenarioRecorder.progress("startup " + group.label() + " " + name + " rep " + rep + "/" + reps);
						Path archive = archives.get(group.label() + " " + name);
						List<String> options = new ArrayList<>(variant.jvmOptions(recorder.jvmOptions()));
						options.addAll(group.mode().runOptions(group.jdk(), archive));
						recorder.add(runOnce(recorder, server, group, variant, options, rep, false).run());
					}
				}
			}
			if (variants.containsKey("starter")) {
				ScenarioRecorder.progress("startup starter with Boot's step recording (breakdown only)");
				Group first = groups.get(0);
				Measured recorded = runOnce(recorder, server, new Group(first.jdk(), LaunchMode.PLAIN),
						variants.get("starter"), recorder.jvmOptions(), 0, true);
				extras.put("slowest_steps_ms", JSON.convertValue(recorded.result().get("slowest_steps_ms"), Map.class));
			}
			extras.put("extra_comparisons", EXTRA_COMPARISONS.stream()
				.filter((pair) -> variants.keySet().containsAll(pair))
				.toList());
			extras.put("training_s", trainingSeconds);
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("reps", reps);
		parameters.put("jdks", String.join(", ", jdks.stream().map((jdk) -> jdk.label() + " (" + jdk.home() + ")").toList()));
		parameters.put("modes", String.join("; ", groups.stream().map(Group::label).toList()));
		parameters.put("launch", "java -cp <jars> <main>, JDK default options");
		return recorder.finish(parameters, "raw", variantNames, groups.stream().map(Group::label).toList(), METRICS,
				extras);
	}

	private static Map<String, Variant> variants(List<String> names, Path jars) {
		Map<String, Variant> variants = new LinkedHashMap<>();
		for (String name : names) {
			Variant variant = switch (name) {
				case "raw" -> new Variant(name, OrderRawWorker.class.getName(), Classpaths.minimal(), false, false);
				case "boot+raw" -> new Variant(name, OrderPlainBootWorker.class.getName(), Classpaths.minimal(), false,
						false);
				case "starter" -> new Variant(name, OrderStarterWorker.class.getName(), Classpaths.minimal(), true, false);
				case "official" -> new Variant(name, OrderOfficialStarterWorker.class.getName(), Classpaths.official(),
						true, false);
				case "starter+actuator" -> new Variant(name, OrderStarterWorker.class.getName(), Classpaths.full(), true,
						false);
				case "boot+raw-spring-aot" -> new Variant(name, OrderPlainBootWorker.class.getName(),
						Classpaths.minimal(), false, true);
				case "starter-spring-aot" -> new Variant(name, OrderStarterWorker.class.getName(), Classpaths.minimal(),
						true, true);
				default -> throw new IllegalArgumentException("Unknown variant " + name + "; known: " + VARIANTS);
			};
			variants.put(name, new Variant(variant.name(), variant.main(), Classpaths.jarred(variant.classpath(), jars),
					variant.boot(), variant.springAot()));
		}
		if (!variants.containsKey("raw")) {
			throw new IllegalArgumentException("The variants must include raw, the baseline");
		}
		return variants;
	}

	/**
	 * A training run that writes the variant's class data archive. No workflow runs and no marker is printed: a Boot
	 * variant exits when its context has refreshed, an SDK main once its workers are built.
	 */
	private static void train(ScenarioRecorder recorder, TestServerJvm server, Group group, Variant variant,
			Path archive) throws Exception {
		Files.createDirectories(archive.getParent());
		Files.deleteIfExists(archive);
		List<String> options = new ArrayList<>(variant.jvmOptions(recorder.jvmOptions()));
		options.addAll(group.mode().trainingOptions(group.jdk(), archive));
		List<String> childArgs = new ArrayList<>(List.of("--target=" + server.target(),
				"--queue=startup-training-" + variant.fileName(), "--n=0"));
		if (variant.boot()) {
			options.add("-Dspring.context.exit=onRefresh");
		}
		else {
			childArgs.add("--train=true");
		}
		String name = group.fileName() + "-" + variant.fileName() + "-training";
		try (ChildJvm training = ChildJvm.launch(name, group.jdk(), variant.classpath(), options, variant.main(),
				childArgs, recorder.log(name))) {
			training.awaitExit(TIMEOUT);
			if (training.exitValue() != 0 || !Files.exists(archive)) {
				throw new IllegalStateException("The training run of " + variant.name() + " (" + group.label()
						+ ") exited with " + training.exitValue() + " and left " + (Files.exists(archive) ? "" : "no ")
						+ archive + "; see " + recorder.log(name));
			}
		}
	}

	private record Measured(Run run, JsonNode result) {
	}

	private static Measured runOnce(ScenarioRecorder recorder, TestServerJvm server, Group group, Variant variant,
			List<String> jvmOptions, int rep, boolean recordSteps) throws Exception {
		String name = group.fileName() + "-" + variant.fileName() + "-" + ((rep > 0) ? rep : "steps");
		List<String> childArgs = new ArrayList<>(List.of("--target=" + server.target(), "--queue=startup-" + name,
				"--n=0"));
		if (recordSteps) {
			childArgs.add("--record-steps=true");
		}
		try (ChildJvm worker = ChildJvm.launch(name, group.jdk(), variant.classpath(), jvmOptions, variant.main(),
				childArgs, recorder.log(name))) {
			ChildJvm.Marker polling = worker.awaitMarker("WORKERS_POLLING", TIMEOUT);
			ChildJvm.Marker first = worker.awaitMarker("FIRST_WORKFLOW", TIMEOUT);
			JsonNode result = worker.awaitResult(TIMEOUT);
			worker.awaitExit(TIMEOUT);
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
			return new Measured(new Run(group.label(), variant.name(), rep, metrics, details), result);
		}
	}

}
