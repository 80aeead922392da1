package io.github.workerstarter.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How busy the machine was during a scenario, and how much of that was not us. The machine's busy time comes from
 * {@code /proc/stat}; ours is this JVM plus the children it has reaped ({@code utime+stime+cutime+cstime} of
 * {@code /proc/self/stat}), which is every worker and server JVM once the scenario is over. The rest is other
 * processes, e.g. a build running next to us.
 */
public final class MachineLoad {

	private final long[] machineStart;

	private final long oursStart;

	private final String loadAverageStart;

	private MachineLoad() {
		this.machineStart = machineJiffies();
		this.oursStart = ourJiffies();
		this.loadAverageStart = loadAverage();
	}

	public static MachineLoad begin() {
		return new MachineLoad();
	}

	/** @return shares of the whole machine (all cores) over the interval, plus the load averages at both ends */
	public Map<String, Object> end() {
		long[] machine = machineJiffies();
		long total = machine[0] - this.machineStart[0];
		long busy = total - (machine[1] - this.machineStart[1]);
		long ours = ourJiffies() - this.oursStart;
		Map<String, Object> load = new LinkedHashMap<>();
		if (total > 0) {
			load.put("machine_busy_share", (double) busy / total);
			load.put("our_share", (double) ours / total);
			load.put("other_processes_share", Math.max(0.0, (double) (busy - ours) / total));
		}
		load.put("load_average_start", this.loadAverageStart);
		load.put("load_average_end", loadAverage());
		return load;
	}

	/** {total, idle + iowait} over all cores, in clock ticks. */
	private static long[] machineJiffies() {
		String[] fields = firstLine(Path.of("/proc/stat")).trim().split("\\s+");
		if (fields.length < 6) {
			return new long[] { 0, 0 };
		}
		long total = 0;
		for (int i = 1; i < fields.length && i <= 8; i++) {
			total += Long.parseLong(fields[i]);
		}
		return new long[] { total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
	}

	private static long ourJiffies() {
		String stat = firstLine(Path.of("/proc/self/stat"));
		if (stat.isEmpty()) {
			return 0;
		}
		// fields after the command name, which is in parentheses and may contain spaces
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// utime, stime, cutime, cstime are fields 14-17 of the line, i.e. 11-14 after the name and state
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
				+ Long.parseLong(fields[14]);
	}

	private static String loadAverage() {
		String line = firstLine(Path.of("/proc/loadavg"));
		String[] fields = line.split(" ");
		return (fields.length >= 3) ? fields[0] + " " + fields[1] + " " + fields[2] : "n/a";
	}

	private static String firstLine(Path file) {
		try {
			return Files.readAllLines(file).stream().findFirst().orElse("");
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

}
