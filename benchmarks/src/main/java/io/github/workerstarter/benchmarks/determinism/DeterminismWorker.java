package io.github.workerstarter.benchmarks.determinism;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.ProcessStats;
import io.github.workerstarter.benchmarks.order.InventoryActivitiesImpl;
import io.github.workerstarter.benchmarks.order.OrderStatusActivitiesImpl;
import io.github.workerstarter.benchmarks.order.OrderWorkflowImpl;
import io.github.workerstarter.benchmarks.order.PaymentActivitiesImpl;
import io.github.workerstarter.determinism.DeterminismReport;
import io.github.workerstarter.determinism.WorkflowDeterminismGuard;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * A worker application with one workflow and {@code temporal.workflows.determinism-check} as the harness says: the
 * order workflow (the sample's flow, with its activities) or the generated 200-class one. Marks when the workers
 * poll, then reports what the check took from its own report (in warn mode it finishes in the background).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class DeterminismWorker {

	public static void main(String[] argv) throws Exception {
		ChildArgs args = ChildArgs.parse(argv);
		String queue = args.string("queue");
		String mode = args.string("mode");
		boolean wide = args.string("workflow").equals("wide");
		Map<String, Object> properties = BenchWorkerOptions.starterProperties(args.string("target"));
		properties.put("bench.queue", queue);
		properties.put("temporal.workers.main.task-queue", "${bench.queue}");
		properties.put("temporal.workflows.determinism-check", mode);
		List<Class<?>> sources = new ArrayList<>(List.of(DeterminismWorker.class));
		if (wide) {
			sources.add(Class.forName(WideCallGraph.WORKFLOW_CLASS));
		}
		else {
			properties.put("temporal.workers.payments.task-queue", "${bench.queue}-payment");
			properties.put("temporal.workers.payments.workflows", false);
			sources.addAll(List.of(OrderWorkflowImpl.class, InventoryActivitiesImpl.class, PaymentActivitiesImpl.class,
					OrderStatusActivitiesImpl.class));
		}
		SpringApplication application = new SpringApplication(sources.toArray(Class<?>[]::new));
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		ConfigurableApplicationContext context = application.run();
		ChildOutput.mark("WORKERS_POLLING");
		long cpuAtPolling = ProcessStats.processCpuNanos();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("cpu_ms", cpuAtPolling / 1e6);
		DeterminismReport report = awaitReport(context.getBean(WorkflowDeterminismGuard.class), mode);
		result.put("check_ms", (report != null) ? report.duration().toNanos() / 1e6 : 0.0);
		result.put("check_cpu_ms", (report != null) ? report.cpuTime().toNanos() / 1e6 : 0.0);
		result.put("classes_read", (report != null) ? report.classesRead() : 0);
		result.put("methods_walked", (report != null) ? report.methodsVisited() : 0);
		result.put("findings", (report != null) ? report.findings().size() : 0);
		if (wide) {
			// the generated workflow runs: what was checked is a working workflow
			result.put("workflow_result", context.getBean(WorkflowClient.class)
				.newWorkflowStub(WideWorkflow.class,
						WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowRunTimeout(Duration.ofMinutes(1)).build())
				.run("bench"));
		}
		ChildOutput.result(result);
		context.close();
		System.exit(0);
	}

	private static DeterminismReport awaitReport(WorkflowDeterminismGuard guard, String mode) throws InterruptedException {
		if (mode.equals("off")) {
			return null;
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (guard.report().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		return guard.report().orElseThrow(() -> new IllegalStateException("The determinism check did not finish"));
	}

}
