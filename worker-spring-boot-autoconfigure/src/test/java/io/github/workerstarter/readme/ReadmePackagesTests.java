package io.github.workerstarter.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type of the starter that the README or a page under docs/ names, in prose or in a Java snippet, has its
 * package in the README's packages table, once; and every row of that table names a type that exists in that package.
 * A snippet may instead show its own {@code import} of the type.
 */
class ReadmePackagesTests {

	private static final String START = "<!-- packages:start (checked by ReadmePackagesTests) -->";

	private static final String END = "<!-- packages:end -->";

	private static final List<String> MODULES = List.of("worker-spring-boot-autoconfigure", "worker-spring-boot-starter-test");

	private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9_]+)` \\| `([a-z0-9_.]+)` \\|");

	private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public (?:final |abstract )?(?:class|interface|record|enum|@interface) (\\w+)");

	private static final Pattern IDENTIFIER = Pattern.compile("\\b([A-Z][A-Za-z0-9_]+)\\b");

	@Test
	void everyTypeTheDocumentsNameHasItsPackageListed() throws IOException {
		Map<String, String> listed = listedPackages();
		Map<String, Path> ours = publicTypes();
		Set<String> unlisted = new TreeSet<>();
		for (Path document : Documents.all()) {
			String text = Files.readString(document);
			Matcher identifier = IDENTIFIER.matcher(text);
			while (identifier.find()) {
				String name = identifier.group(1);
				if (ours.containsKey(name) && !listed.containsKey(name) && !text.contains("import " + packageOf(ours.get(name)) + "." + name + ";")) {
					unlisted.add(name + " (" + document.getFileName() + ")");
				}
			}
		}
		assertThat(unlisted).as("types named in README/docs without their package in the README's packages table").isEmpty();
		listed.forEach((type, packageName) -> assertThat(ours).as(type).containsKey(type));
		listed.forEach((type, packageName) -> assertThat(packageOf(ours.get(type))).as(type).isEqualTo(packageName));
	}

	private static Map<String, String> listedPackages() throws IOException {
		String readme = Files.readString(Documents.ROOT.resolve("README.md"));
		int start = readme.indexOf(START);
		assertThat(start).as("README marker " + START).isNotNegative();
		Map<String, String> listed = new LinkedHashMap<>();
		readme.substring(start, readme.indexOf(END, start)).lines().forEach((line) -> {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				assertThat(listed.put(row.group(1), row.group(2))).as("listed twice: " + row.group(1)).isNull();
			}
		});
		assertThat(listed).isNotEmpty();
		return listed;
	}

	// the public top-level types of the starter's published modules, by simple name
	private static Map<String, Path> publicTypes() {
		Map<String, Path> types = new LinkedHashMap<>();
		for (String module : MODULES) {
			Path sources = Documents.ROOT.resolve(module).resolve("src/main/java");
			try (Stream<Path> files = Files.walk(sources)) {
				files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
					Matcher type = PUBLIC_TYPE.matcher(read(file));
					if (type.find() && file.getFileName().toString().equals(type.group(1) + ".java")) {
						types.put(type.group(1), sources.relativize(file));
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return types;
	}

	private static String packageOf(Path relative) {
		return relative.getParent().toString().replace('/', '.').replace('\\', '.');
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
