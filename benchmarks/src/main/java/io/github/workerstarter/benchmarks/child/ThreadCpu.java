package io.github.workerstarter.benchmarks.child;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time per kind of thread of a process, from {@code /proc/<pid>/task/<tid>/stat}: unlike the thread MXBean it
 * sees the JIT compiler and GC threads, and it works on another JVM (the test server) too. Thread names are cut to
 * 15 characters by the kernel; digits are folded so that e.g. all poller threads count as one group. Threads that
 * have ended are missing. Clock ticks are taken as 10 ms (USER_HZ 100, the value on every common Linux build).
 */
public final class ThreadCpu {

	/** The group of the C1/C2 compiler threads: CPU that goes away once the code is compiled. */
	public static final String JIT = "JIT compiler";

	private ThreadCpu() {
	}

	/**
	 * @param pid a process id, or {@code self}
	 * @return milliseconds by thread group, largest first; empty where there is no /proc
	 */
	public static Map<String, Long> byGroup(String pid) {
		Map<String, Long> byGroup = new HashMap<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
			for (Path task : tasks) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					byGroup.merge(group(name), ticks * 10, Long::sum);
				}
				catch (IOException | RuntimeException threadEnded) {
					// the thread ended while we read
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		Map<String, Long> sorted = new LinkedHashMap<>();
		byGroup.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	/** CPU milliseconds of the JIT compiler threads in a snapshot. */
	public static long jit(Map<String, Long> snapshot) {
		return snapshot.getOrDefault(JIT, 0L);
	}

	private static String group(String name) {
		if (name.equals("java")) {
			return "main"; // the launcher's thread that runs main() keeps the process name
		}
		if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
			return JIT;
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
			return "GC and VM";
		}
		return name.replaceAll("[0-9]+", "N");
	}

}
