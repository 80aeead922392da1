package io.github.workerstarter.benchmarks.official;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.BootApplications;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.StartupPhases;
import io.github.workerstarter.benchmarks.order.InventoryActivitiesImpl;
import io.github.workerstarter.benchmarks.order.OrderRun;
import io.github.workerstarter.benchmarks.order.OrderStatusActivitiesImpl;
import io.github.workerstarter.benchmarks.order.OrderWorkflowImpl;
import io.github.workerstarter.benchmarks.order.PaymentActivitiesImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.worker.WorkerFactory;

/**
 * The order worker on Temporal's own starter ({@code io.temporal:temporal-spring-boot-starter}), run on
 * {@code classpath-official.txt}, where our starter is absent. The same workflow and activity classes as the other
 * variants (our annotations on them are not on this class path, so the JVM ignores them): the workflow class and
 * the activity beans are named in {@code spring.temporal.workers[*]}, as the official starter's README shows, with
 * the same capacity as the other variants. The official starter starts its workers on {@code ApplicationReadyEvent},
 * so they poll once {@code run()} returns.
 */
@SpringBootApplication
public class OrderOfficialStarterWorker {

	@Bean
	InventoryActivitiesImpl inventoryActivities() {
		return new InventoryActivitiesImpl();
	}

	@Bean
	OrderStatusActivitiesImpl orderStatusActivities() {
		return new OrderStatusActivitiesImpl();
	}

	@Bean
	PaymentActivitiesImpl paymentActivities() {
		return new PaymentActivitiesImpl();
	}

	/** Real time on the in-process server, as {@code temporal.target=embedded} and the raw variant have it. */
	@Bean
	TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> realTimeTestServer() {
		return (builder) -> builder.setUseTimeskipping(false);
	}

	public static void main(String[] argv) throws Exception {
		StartupPhases.reached("main");
		ChildArgs args = ChildArgs.parse(argv);
		BootApplications application = new BootApplications(OrderOfficialStarterWorker.class,
				properties(args.string("target"), args.string("queue")), args.flag("record-steps"));
		ConfigurableApplicationContext context = application.run();
		// started from the ready event, so polling once run() returns; the breakdown reads the start from
		// "application-ready" to here
		if (!context.getBean(WorkerFactory.class).isStarted()) {
			throw new IllegalStateException("The official starter did not start its workers");
		}
		StartupPhases.reached("workers-started");
		ChildOutput.mark("WORKERS_POLLING");
		Map<String, Object> result = OrderRun.run(context.getBean(WorkflowClient.class), args);
		result.put("slowest_steps_ms", application.slowestSteps(15));
		ChildOutput.result(result);
		context.close();
		System.exit(0);
	}

	static Map<String, Object> properties(String target, String queue) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (BenchWorkerOptions.EMBEDDED.equals(target)) {
			properties.put("spring.temporal.test-server.enabled", true);
		}
		else {
			properties.put("spring.temporal.connection.target", target);
		}
		properties.put("spring.temporal.namespace", BenchWorkerOptions.NAMESPACE);
		properties.put("bench.queue", queue);
		String orders = "spring.temporal.workers[0].";
		properties.put(orders + "task-queue", "${bench.queue}");
		properties.put(orders + "workflow-classes[0]", OrderWorkflowImpl.class.getName());
		properties.put(orders + "activity-beans[0]", "inventoryActivities");
		properties.put(orders + "activity-beans[1]", "orderStatusActivities");
		String payments = "spring.temporal.workers[1].";
		properties.put(payments + "task-queue", "${bench.queue}-payment");
		properties.put(payments + "activity-beans[0]", "paymentActivities");
		for (String worker : new String[] { orders, payments }) {
			properties.put(worker + "capacity.max-concurrent-activity-executors",
					BenchWorkerOptions.MAX_CONCURRENT_ACTIVITIES);
			properties.put(worker + "capacity.max-concurrent-workflow-task-executors",
					BenchWorkerOptions.MAX_CONCURRENT_WORKFLOW_TASKS);
		}
		return properties;
	}

}
