package io.github.workerstarter.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JDK the child JVMs run on: its home and feature release (17, 25...), read from the JDK's {@code release} file.
 *
 * @param home the JDK's home directory
 * @param feature the feature release number
 */
public record Jdk(Path home, int feature) {

	/** The JDK the harness itself runs on. */
	public static Jdk current() {
		return new Jdk(Path.of(System.getProperty("java.home")), Runtime.version().feature());
	}

	/**
	 * The JDK installed at a home directory.
	 * @param home e.g. {@code /usr/lib/jvm/temurin-25-jdk-amd64}
	 * @return the JDK
	 */
	public static Jdk at(String home) {
		Path path = Path.of(home);
		Path release = path.resolve("release");
		try {
			for (String line : Files.readAllLines(release)) {
				if (line.startsWith("JAVA_VERSION=")) {
					String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
					return new Jdk(path, Integer.parseInt(version.split("[.+-]")[0]));
				}
			}
			throw new IllegalArgumentException("No JAVA_VERSION in " + release);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not a JDK home (no readable release file): " + home, ex);
		}
	}

	public String java() {
		return this.home.resolve("bin").resolve("java").toString();
	}

	public String label() {
		return "JDK " + this.feature;
	}

}
