package io.github.workerstarter.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Class paths for the child JVMs, written by the build ({@code maven-dependency-plugin:build-classpath}) next to
 * this module's classes: {@code target/classpath-full.txt} has everything (actuator and Prometheus included),
 * {@code target/classpath-minimal.txt} leaves out actuator, Micrometer and Prometheus so the startup scenario
 * measures a plain worker app. Both start with this module's own classes.
 */
public final class Classpaths {

	private Classpaths() {
	}

	public static String full() {
		return read("classpath-full.txt");
	}

	public static String minimal() {
		return read("classpath-minimal.txt");
	}

	/** {@code benchmarks/target}, where the class path files and results live. */
	public static Path targetDirectory() {
		return classesDirectory().getParent();
	}

	private static String read(String fileName) {
		Path file = targetDirectory().resolve(fileName);
		try {
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing " + file + ": build the module first (./mvnw -pl benchmarks -am "
					+ "package -DskipTests)", ex);
		}
	}

	private static Path classesDirectory() {
		try {
			Path location = Path.of(Classpaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (!Files.isDirectory(location)) {
				throw new IllegalStateException("Run the benchmarks from benchmarks/target/classes, not from " + location);
			}
			return location;
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
