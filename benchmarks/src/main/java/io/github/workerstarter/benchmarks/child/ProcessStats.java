package io.github.workerstarter.benchmarks.child;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a child JVM reports about itself: time since JVM start, CPU, memory high-water mark, threads, heap. */
public final class ProcessStats {

	private static final long JVM_START_MILLIS = ManagementFactory.getRuntimeMXBean().getStartTime();

	private ProcessStats() {
	}

	/** Milliseconds since the JVM started (its own clock, so it leaves out the exec of the process). */
	public static long uptimeMillis() {
		return System.currentTimeMillis() - JVM_START_MILLIS;
	}

	/** CPU time of the whole process, all threads, in nanoseconds. */
	public static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** Peak resident set size so far, from {@code /proc/self/status} VmHWM, in MB; -1 where there is no /proc. */
	public static double peakRssMegabytes() {
		return statusKilobytes("VmHWM:") / 1024.0;
	}

	public static double rssMegabytes() {
		return statusKilobytes("VmRSS:") / 1024.0;
	}

	public static int threadCount() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	public static int loadedClassCount() {
		return ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
	}

	/** Heap in use after full collections, in MB: what the application holds, not what the GC has not freed yet. */
	public static double heapUsedAfterGcMegabytes() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

	/**
	 * CPU time so far per kind of thread, from {@code /proc/self/task/<tid>/stat} (which, unlike the thread MXBean,
	 * also sees the JIT compiler and GC threads). Thread names are cut to 15 characters by the kernel; digits are
	 * folded so that e.g. every poller thread counts in one group. Clock ticks are taken as 10 ms (USER_HZ 100, the
	 * value on every common Linux build).
	 * @return milliseconds by thread group, largest first; empty where there is no /proc
	 */
	public static Map<String, Long> cpuMillisByThreadGroup() {
		Map<String, Long> byGroup = new HashMap<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					byGroup.merge(threadGroup(name), ticks * 10, Long::sum);
				}
				catch (IOException | RuntimeException threadEnded) {
					// the thread ended while we read: its time is lost, as it would be anyway
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

	private static String threadGroup(String name) {
		if (name.equals("java")) {
			return "main"; // the launcher's thread that runs main() keeps the process name
		}
		if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
			return "JIT compiler";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
			return "GC and VM";
		}
		return name.replaceAll("[0-9]+", "N");
	}

	private static long statusKilobytes(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: the harness reports the value as missing
		}
		return -1024;
	}

}
