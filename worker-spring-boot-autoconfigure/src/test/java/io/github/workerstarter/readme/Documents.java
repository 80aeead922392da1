package io.github.workerstarter.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The README and the Markdown files under docs/, as the tests of their snippets read them. */
final class Documents {

	/** The repository root, seen from this module's directory. */
	static final Path ROOT = Path.of("..");

	private Documents() {
	}

	static List<Path> all() {
		List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		Path docs = ROOT.resolve("docs");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> files = Files.list(docs)) {
				files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return documents;
	}

	/** The fenced blocks of one language in a document, each with the line it starts on. */
	static List<Block> blocks(Path document, String language) {
		List<Block> blocks = new ArrayList<>();
		try {
			List<String> lines = Files.readAllLines(document);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).strip().equals("```" + language)) {
					int start = i + 1;
					StringBuilder text = new StringBuilder();
					String indent = lines.get(i).substring(0, lines.get(i).indexOf('`'));
					for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
						String line = lines.get(i);
						text.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
					}
					blocks.add(new Block(document, start, text.toString()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return blocks;
	}

	/** One fenced block. */
	record Block(Path document, int line, String text) {

		String name() {
			return this.document.getFileName() + ":" + this.line;
		}

	}

}
