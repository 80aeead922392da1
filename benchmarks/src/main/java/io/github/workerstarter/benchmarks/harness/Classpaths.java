package io.github.workerstarter.benchmarks.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Class paths for the child JVMs, written by the build ({@code maven-dependency-plugin:build-classpath}) next to
 * this module's classes: {@code target/classpath-full.txt} has everything (actuator and Prometheus included),
 * {@code target/classpath-minimal.txt} leaves out actuator, Micrometer and Prometheus so the startup scenario
 * measures a plain worker app; {@code classpath-official*.txt} are the same two with Temporal's own starter in place
 * of ours. All start with this module's own classes.
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

	/** The minimal class path with {@code io.temporal:temporal-spring-boot-starter} instead of ours. */
	public static String official() {
		return read("classpath-official.txt");
	}

	/** The full class path (actuator, Prometheus) with {@code io.temporal:temporal-spring-boot-starter} instead of ours. */
	public static String officialFull() {
		return read("classpath-official-full.txt");
	}

	/**
	 * The same class path with every directory replaced by a jar of its contents, made once in {@code directory}:
	 * class data sharing archives and the AOT cache only take classes from jars.
	 * @param classpath entries separated by the path separator
	 * @param directory where the jars go
	 * @return the class path of jars
	 */
	public static String jarred(String classpath, Path directory) {
		List<String> entries = new ArrayList<>();
		for (String entry : classpath.split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry);
			entries.add(Files.isDirectory(path) ? jar(path, directory).toString() : entry);
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static synchronized Path jar(Path classes, Path directory) {
		// target/classes of module X becomes X.jar
		Path jar = directory.resolve(classes.toAbsolutePath().getParent().getParent().getFileName() + ".jar");
		if (Files.exists(jar)) {
			return jar;
		}
		try {
			Files.createDirectories(directory);
			Path partial = directory.resolve(jar.getFileName() + ".partial");
			try (OutputStream file = Files.newOutputStream(partial);
					JarOutputStream out = new JarOutputStream(file);
					Stream<Path> files = Files.walk(classes)) {
				// with directory entries: Spring's component scanning lists a package through them
				for (Path each : files.filter((path) -> !path.equals(classes)).sorted().toList()) {
					String name = classes.relativize(each).toString().replace('\\', '/');
					boolean isDirectory = Files.isDirectory(each);
					out.putNextEntry(new JarEntry(isDirectory ? name + "/" : name));
					if (!isDirectory) {
						Files.copy(each, out);
					}
					out.closeEntry();
				}
			}
			Files.move(partial, jar);
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make a jar of " + classes, ex);
		}
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
