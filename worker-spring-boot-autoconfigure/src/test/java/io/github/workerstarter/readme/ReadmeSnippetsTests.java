package io.github.workerstarter.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A code block preceded by {@code <!-- snippet: path -->} in the README or under docs/ is a verbatim excerpt of that
 * source file, which the build compiles and a test runs: the documentation cannot drift from code that works.
 */
class ReadmeSnippetsTests {

	private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) -->\\n```\\w*\\n(.*?)```",
			Pattern.DOTALL);

	@TestFactory
	Stream<DynamicTest> everyMarkedSnippetIsAnExcerptOfItsSource() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path document : Documents.all()) {
			Matcher snippet = SNIPPET.matcher(Files.readString(document));
			while (snippet.find()) {
				String file = snippet.group(1);
				String code = snippet.group(2);
				tests.add(DynamicTest.dynamicTest(document.getFileName() + " -> " + file, () -> {
					Path source = Documents.ROOT.resolve(file);
					assertThat(source).as("snippet source").exists();
					assertThat(normalize(Files.readString(source))).as("%s, excerpt of %s", document, file)
						.contains(normalize(code));
				}));
			}
		}
		assertThat(tests).as("marked snippets").isNotEmpty();
		return tests.stream();
	}

	// indentation and blank lines may differ (tabs in sources, spaces in Markdown); the code may not
	private static String normalize(String code) {
		return code.lines().map(String::strip).filter((line) -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
	}

}
