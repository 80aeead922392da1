package io.github.workerstarter.determinism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Line numbers of marked lines in the test sources, so tests name lines without hard-coding them. */
final class SourceLines {

	private static final Path SOURCES = Path.of("src", "test", "java");

	private SourceLines() {
	}

	/**
	 * The line of a source file that ends with a marker comment.
	 * @param className the (top-level) class whose source file to read
	 * @param marker the end of the line, e.g. {@code // hazard: wall clock}
	 * @return the 1-based line number
	 */
	static int lineOf(String className, String marker) {
		Path source = SOURCES.resolve(className.replace('.', '/') + ".java");
		try {
			List<String> lines = Files.readAllLines(source);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).trim().endsWith(marker)) {
					return i + 1;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new AssertionError("No line ending with '" + marker + "' in " + source);
	}

}
