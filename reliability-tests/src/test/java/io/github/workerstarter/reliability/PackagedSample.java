package io.github.workerstarter.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged sample as the container image runs it: the jar extracted with Spring Boot's tools
 * ({@code java -Djarmode=tools -jar sample-order-app.jar extract}) and started with {@code java -jar}. A class data
 * sharing archive from one training run ({@code -XX:ArchiveClassesAtExit} with {@code spring.context.exit=onRefresh})
 * about halves each instance's start on two cores, where the suite starts a dozen instances; the application itself
 * runs as it would without it.
 */
final class PackagedSample {

	private static final Path DIRECTORY = Path.of("target", "app");

	private static List<String> launch;

	private PackagedSample() {
	}

	/** {@code java <options> -jar <the extracted jar>}, prepared on first use. */
	static synchronized List<String> launchCommand() {
		if (launch == null) {
			launch = prepare();
		}
		return launch;
	}

	private static List<String> prepare() {
		Path jar = Path.of(System.getProperty("sample.jar"));
		Path extracted = DIRECTORY.resolve("extracted");
		Path archive = DIRECTORY.resolve("sample-order-app.jsa");
		delete(extracted);
		delete(archive);
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()),
				DIRECTORY.resolve("extract.log"));
		Path application = extracted.resolve(jar.getFileName());
		// the training run: refreshes the context (the in-process server of the default configuration) and exits
		run(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
				application.toString(), "--server.port=0"), DIRECTORY.resolve("cds-training.log"));
		List<String> command = new ArrayList<>(List.of(java()));
		if (Files.exists(archive)) {
			command.add("-XX:SharedArchiveFile=" + archive);
		}
		command.addAll(List.of("-jar", application.toString()));
		return List.copyOf(command);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void run(List<String> command, Path log) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed; see " + log.toAbsolutePath());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
