package io.github.workerstarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.harness.Args;
import io.github.workerstarter.benchmarks.harness.ScenarioResult;
import io.github.workerstarter.benchmarks.report.ReportValues;

/**
 * Generates BENCHMARKS.md from the scenario result files and a template that holds the prose. Every number in the
 * report comes from the result files; rerun the scenarios and this, never edit numbers by hand.
 *
 * <pre>
 * [--results benchmarks/target/benchmarks] [--template benchmarks/BENCHMARKS.template.md] [--out BENCHMARKS.md]
 * </pre>
 */
public final class Report {

	static final List<String> SCENARIOS = List.of("throughput", "latency", "startup", "drain", "growth", "determinism");

	/** Key of the optional longer TCP-only throughput run. */
	public static final String TCP_CONFIRMATION = "throughput-tcp";

	private Report() {
	}

	public static void main(String[] argv) throws IOException {
		Args args = Args.parse(argv, "results", "template", "out");
		Path results = Path.of(args.string("results", "benchmarks/target/benchmarks"));
		Path template = Path.of(args.string("template", "benchmarks/BENCHMARKS.template.md"));
		Path out = Path.of(args.string("out", "BENCHMARKS.md"));
		Files.writeString(out, generate(results, Files.readString(template)));
		System.out.println("wrote " + out.toAbsolutePath());
	}

	public static String generate(Path resultsDirectory, String template) {
		Map<String, ScenarioResult> results = new LinkedHashMap<>();
		for (String scenario : SCENARIOS) {
			Path file = resultsDirectory.resolve(scenario + ".json");
			if (Files.exists(file)) {
				results.put(scenario, ScenarioResult.read(file));
			}
		}
		// further runs of a scenario in a subdirectory, reported next to the main one as <scenario>-<directory>: the
		// longer TCP-only Throughput run (--modes tcp --out <results>/tcp, "throughput-tcp"), the runs on another JDK
		// (--jdk ... --out <results>/jdk25: "growth-jdk25", "throughput-jdk25", "latency-jdk25"), the runs with idle
		// queues (--idle-queues ... --out <results>/many: "latency-many")
		for (String directory : subdirectories(resultsDirectory)) {
			for (String scenario : SCENARIOS) {
				Path file = resultsDirectory.resolve(directory).resolve(scenario + ".json");
				if (Files.exists(file)) {
					String name = scenario + "-" + directory;
					results.put(name, ScenarioResult.read(file).named(name));
				}
			}
		}
		if (results.isEmpty()) {
			throw new IllegalStateException("No result files in " + resultsDirectory.toAbsolutePath()
					+ "; run the scenarios first (see BENCHMARKS.md).");
		}
		return ReportValues.fill(template, results);
	}

	private static List<String> subdirectories(Path directory) {
		try (var entries = Files.list(directory)) {
			return entries.filter(Files::isDirectory).map((path) -> path.getFileName().toString()).sorted().toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
