package io.github.workerstarter.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Everything one scenario run produced, as written to {@code target/benchmarks/<scenario>.json} and read back by
 * the report generator.
 *
 * @param scenario file name and key, e.g. {@code throughput}
 * @param command the command line that produced it
 * @param parameters the scenario's options
 * @param environment machine, JDK, versions, date, load from other processes
 * @param baseline the variant the others are compared with
 * @param variants all variants, in run order
 * @param groups the groups, in run order
 * @param metrics what was measured
 * @param runs every run
 * @param extras scenario-specific data that is not per run
 */
public record ScenarioResult(String scenario, String command, Map<String, Object> parameters,
		Map<String, Object> environment, String baseline, List<String> variants, List<String> groups,
		List<Metric> metrics, List<Run> runs, Map<String, Object> extras) {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	public Path write(Path directory) {
		try {
			Files.createDirectories(directory);
			Path file = directory.resolve(this.scenario + ".json");
			JSON.writeValue(file.toFile(), this);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ScenarioResult read(Path file) {
		try {
			return JSON.readValue(file.toFile(), ScenarioResult.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/**
	 * The same result under another key, e.g. a second run of a scenario read next to the first.
	 * @param name the key its values are reported under
	 * @return a copy named {@code name}
	 */
	public ScenarioResult named(String name) {
		return new ScenarioResult(name, this.command, this.parameters, this.environment, this.baseline, this.variants,
				this.groups, this.metrics, this.runs, this.extras);
	}

	public Metric metric(String key) {
		return this.metrics.stream()
			.filter((metric) -> metric.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No metric " + key + " in " + this.scenario));
	}

}
