package io.github.workerstarter.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the runs of one scenario, then writes {@code <out>/<scenario>.json} and prints the summary. Child JVM
 * logs go to {@code <out>/logs/<scenario>/}.
 */
public final class ScenarioRecorder {

	/** How the documented commands start; the result file records the full command. */
	public static final String COMMAND_PREFIX = "java -cp \"$(cat benchmarks/target/classpath-full.txt)\" ";

	private final String scenario;

	private final String command;

	private final Path outDirectory;

	private final Map<String, Object> environment = Environment.describe();

	private final MachineLoad load = MachineLoad.begin();

	private final long startedNanos = System.nanoTime();

	private final List<Run> runs = new ArrayList<>();

	private final List<String> jvmOptions;

	public ScenarioRecorder(String scenario, Class<?> mainClass, Args args) {
		this.scenario = scenario;
		this.command = COMMAND_PREFIX + mainClass.getName() + (args.asGiven().isEmpty() ? "" : " " + args.asGiven());
		this.outDirectory = Path.of(args.string("out", Classpaths.targetDirectory().resolve("benchmarks").toString()));
		this.jvmOptions = List.of(args.string("jvm-opts", "").trim().split("\\s+"))
			.stream()
			.filter((option) -> !option.isEmpty())
			.toList();
		this.environment.put("child_jvm_options", this.jvmOptions.isEmpty() ? "JDK defaults (no -Xmx, G1, CDS on)"
				: String.join(" ", this.jvmOptions));
	}

	/** Options for every child JVM ({@code --jvm-opts}); none by default, so the JDK's defaults apply. */
	public List<String> jvmOptions() {
		return this.jvmOptions;
	}

	/** Where the result file goes ({@code --out}). */
	public Path outDirectory() {
		return this.outDirectory;
	}

	public Path log(String name) {
		return this.outDirectory.resolve("logs").resolve(this.scenario).resolve(name + ".log");
	}

	public void add(Run run) {
		this.runs.add(run);
		System.out.printf("  %s %s rep %d: %s%n", run.group(), run.variant(), run.rep(), run.metrics());
	}

	public ScenarioResult finish(Map<String, Object> parameters, String baseline, List<String> variants,
			List<String> groups, List<Metric> metrics, Map<String, Object> extras) {
		Map<String, Object> environment = new LinkedHashMap<>(this.environment);
		environment.put("duration_s", Math.round((System.nanoTime() - this.startedNanos) / 1e9));
		environment.put("machine_load", this.load.end());
		ScenarioResult result = new ScenarioResult(this.scenario, this.command, parameters, environment, baseline,
				variants, groups, metrics, List.copyOf(this.runs), extras);
		Path file = result.write(this.outDirectory);
		System.out.println(new Summary(result).toText());
		System.out.println("machine load: " + environment.get("machine_load"));
		System.out.println("wrote " + file);
		return result;
	}

	public static void progress(String message) {
		System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
	}

}
