package io.github.workerstarter.benchmarks.growth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.ProcessStats;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/** What a growth worker JVM reports once its workers poll, the same for both variants. */
final class GrowthRun {

	/** How long the idle CPU is measured for, after the other measurements. */
	private static final long IDLE_MILLIS = 5000;

	private GrowthRun() {
	}

	static Map<String, Object> measure(WorkflowClient client, List<String> queues) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("ready_uptime_ms", ProcessStats.uptimeMillis());
		result.put("cpu_ms", ProcessStats.processCpuNanos() / 1e6);
		result.put("cpu_ms_by_thread", ProcessStats.cpuMillisByThreadGroup());
		result.put("heap_after_gc_mb", ProcessStats.heapUsedAfterGcMegabytes());
		result.put("threads", ProcessStats.threadCount());
		result.put("threads_by_kind", ProcessStats.threadsByKind());
		result.put("loaded_classes", ProcessStats.loadedClassCount());
		result.put("rss_mb", ProcessStats.rssMegabytes());
		result.put("idle_cpu_ms_per_s", idleCpuMillisPerSecond());
		// after the measurements: proves the last queue really has its workflow and activity
		String last = queues.get(queues.size() - 1);
		GrowthWorkflow workflow = client.newWorkflowStub(GrowthWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue(last).setWorkflowId(last + "-check").build());
		result.put("check", workflow.echo("ok"));
		return result;
	}

	// what the idle workers cost while nothing happens: poll threads wait on the server, timers tick
	private static double idleCpuMillisPerSecond() {
		long before = ProcessStats.processCpuNanos();
		long started = System.nanoTime();
		try {
			Thread.sleep(IDLE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return (ProcessStats.processCpuNanos() - before) / 1e6 / ((System.nanoTime() - started) / 1e9);
	}

	static void report(Map<String, Object> result) {
		ChildOutput.result(result);
	}

}
