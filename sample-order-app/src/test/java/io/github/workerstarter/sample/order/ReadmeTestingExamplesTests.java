package io.github.workerstarter.sample.order;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's testing examples are these tests' own source files, whole: each {@code <!-- snippet: path -->} code
 * block must equal the file it names, so the README shows what the build compiles and runs.
 * {@code ./mvnw -pl sample-order-app -am test -Dtest=ReadmeTestingExamplesTests -Dsurefire.failIfNoSpecifiedTests=false
 * -DupdateReadme=true} copies the files into the README after a change.
 */
class ReadmeTestingExamplesTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) -->\\n```java\\n(.*?)```",
			Pattern.DOTALL);

	@Test
	void readmeExamplesAreTheTestFiles() throws IOException {
		Path readmeFile = ROOT.resolve("README.md");
		String readme = Files.readString(readmeFile);
		Matcher snippet = SNIPPET.matcher(readme);
		StringBuilder updated = new StringBuilder();
		int snippets = 0;
		while (snippet.find()) {
			String file = Files.readString(ROOT.resolve(snippet.group(1)));
			assertThat(snippet.group(2)).as("README snippet of %s (run with -DupdateReadme=true)", snippet.group(1))
				.satisfiesAnyOf((shown) -> assertThat(Boolean.getBoolean("updateReadme")).isTrue(),
						(shown) -> assertThat(shown).isEqualTo(file));
			snippet.appendReplacement(updated,
					Matcher.quoteReplacement("<!-- snippet: " + snippet.group(1) + " -->\n```java\n" + file + "```"));
			snippets++;
		}
		snippet.appendTail(updated);
		assertThat(snippets).as("snippets in the README's Testing section").isEqualTo(2);
		if (Boolean.getBoolean("updateReadme")) {
			Files.writeString(readmeFile, updated.toString());
		}
	}

}
