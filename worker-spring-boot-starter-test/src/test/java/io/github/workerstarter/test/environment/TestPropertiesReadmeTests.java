package io.github.workerstarter.test.environment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of {@code temporal.test.*} lists every property of the test module with the default and
 * description of its configuration metadata (generated from {@link TemporalTestProperties}), and nothing else.
 */
class TestPropertiesReadmeTests {

	private static final String START = "<!-- test-properties:start (checked by TestPropertiesReadmeTests) -->";

	private static final String END = "<!-- test-properties:end -->";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Test
	void readmeTableMatchesTheMetadata() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf(START);
		assertThat(start).as("README marker " + START).isNotNegative();
		List<String> rows = readme.substring(start + START.length(), readme.indexOf(END, start))
			.lines()
			.filter((line) -> line.startsWith("| `"))
			.toList();
		List<String> expected = new ArrayList<>();
		// every metadata file on the classpath (the test fixtures have one too); ours are the temporal.test.* entries
		for (URL file : Collections.list(getClass().getClassLoader().getResources(METADATA))) {
			try (InputStream in = file.openStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					JsonNode defaultValue = property.get("defaultValue");
					if (property.get("name").asString().startsWith("temporal.test.")) {
						expected.add("| `" + property.get("name").asString() + "` | "
								+ ((defaultValue != null) ? "`" + defaultValue.asString() + "`" : "") + " | "
								+ property.get("description").asString() + " |");
					}
				}
			}
		}
		assertThat(expected).hasSize(6);
		assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
	}

}
