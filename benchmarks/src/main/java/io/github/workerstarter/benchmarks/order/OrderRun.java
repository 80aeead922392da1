package io.github.workerstarter.benchmarks.order;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.ProcessStats;
import io.github.workerstarter.benchmarks.child.StartupPhases;
import io.github.workerstarter.benchmarks.child.ThreadCpu;
import io.temporal.client.WorkflowClient;

/**
 * What an order worker JVM does once its workers poll, the same for both variants: one first workflow (the end of
 * "startup"), then, for the throughput scenario, a warm-up batch and the measured batch. Reports a result line.
 */
public final class OrderRun {

	private static final Duration TIMEOUT = Duration.ofMinutes(15);

	private OrderRun() {
	}

	public static Map<String, Object> run(WorkflowClient client, ChildArgs args) throws InterruptedException {
		String queue = args.string("queue");
		PaymentActivitiesImpl.cpuMillis = args.number("activity-cpu-ms", 0);
		OrderLoad load = new OrderLoad(client, queue);
		Map<String, Object> result = new LinkedHashMap<>();

		OrderLoad.Batch first = load.run(queue + "-first", 1, 1, TIMEOUT);
		StartupPhases.reached("first-workflow-completed");
		ChildOutput.mark("FIRST_WORKFLOW");
		result.put("first_workflow_failed", first.failed());
		result.put("startup_cpu_ms", ProcessStats.processCpuNanos() / 1e6);
		result.put("startup_cpu_ms_by_thread", ProcessStats.cpuMillisByThreadGroup());
		result.put("peak_rss_mb", ProcessStats.peakRssMegabytes());
		result.put("loaded_classes", ProcessStats.loadedClassCount());
		result.put("threads", ProcessStats.threadCount());

		int count = args.integer("n");
		double rate = args.number("rate", 0);
		if (count > 0 && rate > 0) {
			load.run(queue + "-warmup", args.integer("warmup"), args.integer("c"), TIMEOUT);
			ChildOutput.mark("LOAD_START");
			long cpuBefore = ProcessStats.processCpuNanos();
			Map<String, Long> threadsBefore = ProcessStats.cpuMillisByThreadGroup();
			OrderLoad.OpenBatch open = load.runOpen(queue + "-open", rate, count, TIMEOUT);
			long cpu = ProcessStats.processCpuNanos() - cpuBefore;
			Map<String, Long> threadsAfter = ProcessStats.cpuMillisByThreadGroup();
			ChildOutput.mark("LOAD_END");
			OrderLoad.Batch measured = open.batch();
			result.put("completed", measured.completed());
			result.put("failed", measured.failed());
			result.put("elapsed_ms", measured.elapsedNanos() / 1e6);
			result.put("wf_per_s", measured.perSecond());
			result.put("cpu_ms_per_wf", cpu / 1e6 / measured.completed());
			long jitMillis = ThreadCpu.jit(threadsAfter) - ThreadCpu.jit(threadsBefore);
			result.put("cpu_ms_per_wf_no_jit", (cpu / 1e6 - jitMillis) / measured.completed());
			result.put("latency_p50_ms", open.percentile(0.50));
			result.put("latency_p99_ms", open.percentile(0.99));
			result.put("latency_max_ms", open.max());
			result.put("start_lag_ms", open.startLagMillis());
			result.put("load_peak_rss_mb", ProcessStats.peakRssMegabytes());
		}
		else if (count > 0) {
			int inFlight = args.integer("c");
			load.run(queue + "-warmup", args.integer("warmup"), inFlight, TIMEOUT);
			ChildOutput.mark("LOAD_START");
			long cpuBefore = ProcessStats.processCpuNanos();
			Map<String, Long> threadsBefore = ProcessStats.cpuMillisByThreadGroup();
			OrderLoad.Batch measured = load.run(queue + "-load", count, inFlight, TIMEOUT);
			long cpu = ProcessStats.processCpuNanos() - cpuBefore;
			Map<String, Long> threadsAfter = ProcessStats.cpuMillisByThreadGroup();
			ChildOutput.mark("LOAD_END");
			result.put("cpu_ms_per_wf_by_thread", perWorkflow(threadsBefore, threadsAfter, measured.completed()));
			result.put("completed", measured.completed());
			result.put("failed", measured.failed());
			result.put("elapsed_ms", measured.elapsedNanos() / 1e6);
			result.put("wf_per_s", measured.perSecond());
			result.put("cpu_ms_per_wf", cpu / 1e6 / measured.completed());
			long jitMillis = ThreadCpu.jit(threadsAfter) - ThreadCpu.jit(threadsBefore);
			result.put("cpu_ms_per_wf_no_jit", (cpu / 1e6 - jitMillis) / measured.completed());
			result.put("load_peak_rss_mb", ProcessStats.peakRssMegabytes());
		}
		result.put("milestones_ms", StartupPhases.milestones());
		return result;
	}

	/** Where the CPU of the measured batch went, per thread group (threads that ended meanwhile are missing). */
	private static Map<String, Double> perWorkflow(Map<String, Long> before, Map<String, Long> after, int completed) {
		Map<String, Double> perWorkflow = new LinkedHashMap<>();
		after.forEach((group, millis) -> {
			long spent = millis - before.getOrDefault(group, 0L);
			if (spent > 0) {
				perWorkflow.put(group, (double) spent / completed);
			}
		});
		return perWorkflow;
	}

}
