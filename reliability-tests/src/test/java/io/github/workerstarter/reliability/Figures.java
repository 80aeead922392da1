package io.github.workerstarter.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario measured, written as a Markdown table to {@code target/reliability/<scenario>/figures.md} (and
 * printed), for the README's reliability section. Figures are reported, not compared with thresholds, except for the
 * bounds the scenarios assert themselves.
 */
final class Figures {

	private final String scenario;

	private final String title;

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final String loadAtStart = Reliability.loadAverage();

	/** Starts a scenario: its directory under target/reliability/ is emptied. */
	Figures(String scenario, String title) {
		Reliability.freshDirectory(scenario);
		this.scenario = scenario;
		this.title = title;
	}

	Figures add(String figure, Object value) {
		this.rows.add(new String[] { figure, String.valueOf(value) });
		return this;
	}

	Figures note(String note) {
		this.notes.add(note);
		return this;
	}

	/** Writes the table; call it whether or not the scenario's assertions hold, so a failed run shows its figures. */
	void write() {
		StringBuilder markdown = new StringBuilder("### ").append(this.title).append("\n\n| Figure | Value |\n|---|---|\n");
		for (String[] row : this.rows) {
			markdown.append("| ").append(row[0]).append(" | ").append(row[1].replace("|", "\\|")).append(" |\n");
		}
		markdown.append("\n");
		for (String note : this.notes) {
			markdown.append(note).append("\n\n");
		}
		markdown.append("<sub>Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", Java ")
			.append(Runtime.version().feature()).append(", ").append(Runtime.getRuntime().availableProcessors())
			.append(" cores, load average ").append(this.loadAtStart).append(" at start and ")
			.append(Reliability.loadAverage()).append(" at the end.</sub>\n");
		Path file = Reliability.directory(this.scenario).resolve("figures.md");
		try {
			Files.writeString(file, markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println(markdown);
	}

}
