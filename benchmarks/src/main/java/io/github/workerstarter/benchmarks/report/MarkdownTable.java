package io.github.workerstarter.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row. */
final class MarkdownTable {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	MarkdownTable(List<String> header) {
		this.header = List.copyOf(header);
	}

	MarkdownTable row(List<String> cells) {
		this.rows.add(List.copyOf(cells));
		return this;
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder();
		out.append(line(this.header));
		out.append(line(this.header.stream().map((cell) -> "---").toList()));
		this.rows.forEach((row) -> out.append(line(row)));
		return out.toString().stripTrailing();
	}

	private static String line(List<String> cells) {
		return "| " + String.join(" | ", cells) + " |\n";
	}

}
