package io.github.workerstarter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, on the test class path unless the options name another, to its end: for
 * what cannot happen inside the test's JVM (a training run ends its JVM; generated code must be on the class path).
 *
 * @param exitCode the JVM's exit code
 * @param output everything it printed
 */
public record JavaProcess(int exitCode, String output) {

	/** Generous: JVM start-ups on a busy two-core machine. A JVM that some thread keeps alive runs into it. */
	private static final long TIMEOUT_SECONDS = 180;

	public static JavaProcess run(List<String> jvmOptions, String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		if (!jvmOptions.contains("-cp")) {
			command.addAll(List.of("-cp", applicationClassPath()));
		}
		command.add(mainClass);
		command.addAll(List.of(args));
		try {
			Path log = Files.createTempFile("java-process", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			try {
				if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					throw new AssertionError("Did not exit within " + TIMEOUT_SECONDS + " s: " + command + "\n"
							+ Files.readString(log, StandardCharsets.UTF_8));
				}
				return new JavaProcess(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
			}
			finally {
				process.destroyForcibly();
				Files.deleteIfExists(log);
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

	/**
	 * The test class path without the integrations that change how any Spring Boot application in a plain JVM starts
	 * (Docker Compose support runs {@code docker compose}; DevTools restarts the application in a class loader of its
	 * own): they are on this module's class path because the starter compiles against them, as an application would
	 * not have them. Tests of those integrations build their own class path.
	 * @return the class path
	 */
	public static String applicationClassPath() {
		return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.contains("spring-boot-docker-compose") && !entry.contains("spring-boot-devtools"))
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

}
