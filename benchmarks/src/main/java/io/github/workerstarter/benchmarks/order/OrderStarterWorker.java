package io.github.workerstarter.benchmarks.order;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.GenericApplicationContext;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.BootApplications;
import io.github.workerstarter.benchmarks.child.BootPhaseProbes;
import io.github.workerstarter.benchmarks.child.StartupPhases;
import io.temporal.client.WorkflowClient;

/**
 * Starter variant of the order worker: a Spring Boot application whose workers come from the annotations on this
 * package's classes and from {@code temporal.*} properties; whatever else is on the class path (actuator,
 * Prometheus) is auto-configured as in a real application. {@code --encrypt=true} turns payload encryption on (the
 * {@code starter+enc} variant).
 */
@SpringBootApplication
@Import(BootPhaseProbes.class)
public class OrderStarterWorker {

	public static void main(String[] argv) throws Exception {
		StartupPhases.reached("main");
		ChildArgs args = ChildArgs.parse(argv);
		String queue = args.string("queue");
		Map<String, Object> properties = BenchWorkerOptions.starterProperties(args.string("target"));
		properties.put("bench.queue", queue);
		properties.put("temporal.workers.orders.task-queue", "${bench.queue}");
		properties.put("temporal.workers.payments.task-queue", "${bench.queue}-payment");
		properties.put("temporal.workers.payments.workflows", false);
		// queues with the same workflow and activities but no load, as the raw variant has them
		for (String idle : OrderQueues.idleQueues(queue, (int) args.number("idle-queues", 0))) {
			properties.put("temporal.workers." + idle + ".workflow-beans", "orderWorkflowImpl");
			properties.put("temporal.workers." + idle + ".activity-beans", "inventoryActivitiesImpl,orderStatusActivitiesImpl");
		}
		if (args.flag("encrypt")) {
			BenchWorkerOptions.encryptPayloads(properties);
		}
		BootApplications application = new BootApplications(OrderStarterWorker.class, properties,
				args.flag("record-steps"));

		ConfigurableApplicationContext context = application.run();
		StartupPhases.reached("run-returned");
		WorkflowClient client = context.getBean(WorkflowClient.class);
		Map<String, Object> result = OrderRun.run(client, args);
		// what the server stored: proves the encrypted variant encrypted, and the others did not
		result.put("payload_encoding", client.fetchHistory(queue + "-first-0")
			.getEvents()
			.get(0)
			.getWorkflowExecutionStartedEventAttributes()
			.getInput()
			.getPayloads(0)
			.getMetadataOrThrow("encoding")
			.toStringUtf8());
		if (args.integer("n") > 0) {
			result.put("prototype_us", PrototypeCost.microsPerInstance((GenericApplicationContext) context));
		}
		result.put("slowest_steps_ms", application.slowestSteps(15));
		ChildOutput.result(result);
		context.close();
		System.exit(0);
	}

}
