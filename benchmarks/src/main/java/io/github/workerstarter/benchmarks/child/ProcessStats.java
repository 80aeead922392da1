package io.github.workerstarter.benchmarks.child;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

	/**
	 * Live platform threads by kind: names with their numbers folded ({@code workflow-thread-N}), so a table says
	 * which of the SDK's pools grow with the number of queues. Virtual threads are not listed (nor counted by
	 * {@link #threadCount()}): they hold no OS thread while they wait.
	 * @return thread count by folded name, largest first
	 */
	public static Map<String, Long> threadsByKind() {
		Map<String, Long> byKind = new java.util.HashMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			// quoted parts are task queues and namespaces: one kind whatever the queue
			byKind.merge(thread.getName().replaceAll("\"[^\"]*\"", "…").replaceAll("[0-9]+", "N"), 1L, Long::sum);
		}
		Map<String, Long> sorted = new java.util.LinkedHashMap<>();
		byKind.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
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
	 * CPU time so far per kind of thread of this JVM.
	 * @return milliseconds by thread group, largest first
	 * @see ThreadCpu
	 */
	public static Map<String, Long> cpuMillisByThreadGroup() {
		return ThreadCpu.byGroup("self");
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
