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

	static final List<String> SCENARIOS = List.of("throughput", "startup", "drain", "growth", "determinism");

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
		// a longer TCP-only Throughput run (--modes tcp --out <results>/tcp), reported next to the main one
		Path tcpConfirmation = resultsDirectory.resolve("tcp").resolve("throughput.json");
		if (Files.exists(tcpConfirmation)) {
			results.put(TCP_CONFIRMATION, ScenarioResult.read(tcpConfirmation).named(TCP_CONFIRMATION));
		}
		if (results.isEmpty()) {
			throw new IllegalStateException("No result files in " + resultsDirectory.toAbsolutePath()
					+ "; run the scenarios first (see BENCHMARKS.md).");
		}
		return ReportValues.fill(template, results);
	}

}
