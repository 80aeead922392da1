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

	private GrowthRun() {
	}

	static Map<String, Object> measure(WorkflowClient client, List<String> queues) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("ready_uptime_ms", ProcessStats.uptimeMillis());
		result.put("cpu_ms", ProcessStats.processCpuNanos() / 1e6);
		result.put("cpu_ms_by_thread", ProcessStats.cpuMillisByThreadGroup());
		result.put("heap_after_gc_mb", ProcessStats.heapUsedAfterGcMegabytes());
		result.put("threads", ProcessStats.threadCount());
		result.put("loaded_classes", ProcessStats.loadedClassCount());
		result.put("rss_mb", ProcessStats.rssMegabytes());
		// after the measurements: proves the last queue really has its workflow and activity
		String last = queues.get(queues.size() - 1);
		GrowthWorkflow workflow = client.newWorkflowStub(GrowthWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue(last).setWorkflowId(last + "-check").build());
		result.put("check", workflow.echo("ok"));
		return result;
	}

	static void report(Map<String, Object> result) {
		ChildOutput.result(result);
	}

}
