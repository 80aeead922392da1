package io.github.workerstarter.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootVersion;

/** Machine, JDK and library versions, recorded with every result so a table says what it was measured on. */
public final class Environment {

	private Environment() {
	}

	public static Map<String, Object> describe() {
		Map<String, Object> environment = new LinkedHashMap<>();
		environment.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
		environment.put("cpus", Runtime.getRuntime().availableProcessors());
		environment.put("cpu_model", procField("/proc/cpuinfo", "model name"));
		environment.put("memory_mb", memoryMegabytes());
		environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		environment.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ " (" + System.getProperty("java.vendor") + ")");
		environment.put("spring_boot", SpringBootVersion.getVersion());
		environment.put("temporal_sdk", io.temporal.serviceclient.Version.LIBRARY_VERSION);
		environment.put("commit", commit());
		return environment;
	}

	/** The checked-out commit the starter was built from, with "+changes" when the work tree differs from it. */
	private static String commit() {
		try {
			String head = git("rev-parse", "--short", "HEAD");
			String changes = git("status", "--porcelain", "--untracked-files=no");
			return head.isEmpty() ? "n/a" : head + (changes.isEmpty() ? "" : "+changes");
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

	private static String git(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (process.waitFor() == 0) ? output : "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private static long memoryMegabytes() {
		String kilobytes = procField("/proc/meminfo", "MemTotal");
		try {
			return Long.parseLong(kilobytes.replace("kB", "").trim()) / 1024;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String procField(String file, String name) {
		try {
			for (String line : Files.readAllLines(Path.of(file))) {
				if (line.startsWith(name)) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return "n/a";
	}

}
