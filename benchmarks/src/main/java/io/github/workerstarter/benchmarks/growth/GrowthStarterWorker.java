package io.github.workerstarter.benchmarks.growth;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.BootApplications;
import io.temporal.client.WorkflowClient;

/** Starter variant of the growth run: the queues come from {@code temporal.workers.*}, the rest from annotations. */
@SpringBootApplication
public class GrowthStarterWorker {

	public static void main(String[] argv) {
		ChildArgs args = ChildArgs.parse(argv);
		List<String> queues = GrowthQueues.names(args);
		Map<String, Object> properties = BenchWorkerOptions.starterProperties(args.string("target"));
		properties.putAll(GrowthQueues.starterProperties(queues));
		switch (args.string("defaults")) {
			case "autoscaling" -> {
				// what a server advertising poller autoscaling gets by default (the test server does not advertise it)
				properties.put("temporal.worker-defaults.workflow-poller-autoscaling.min", 1);
				properties.put("temporal.worker-defaults.activity-poller-autoscaling.min", 1);
			}
			case "sdk-defaults" -> {
				// the SDK's pollers and platform threads, as the starter chose before issue 23
				properties.put("temporal.pollers.budget", 0);
				properties.put("temporal.pollers.autoscaling", false);
				properties.put("temporal.worker-defaults.virtual-threads", false);
				properties.put("temporal.workflow-cache.virtual-threads", false);
			}
			default -> {
				// the starter's own defaults
			}
		}
		ConfigurableApplicationContext context = new BootApplications(GrowthStarterWorker.class, properties, false)
			.run();
		ChildOutput.mark("WORKERS_POLLING");
		GrowthRun.report(GrowthRun.measure(context.getBean(WorkflowClient.class), queues));
		context.close();
		System.exit(0);
	}

}
