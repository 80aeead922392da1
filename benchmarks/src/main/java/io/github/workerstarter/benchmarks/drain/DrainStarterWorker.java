package io.github.workerstarter.benchmarks.drain;

import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.BootApplications;
import io.temporal.client.WorkflowClient;

/**
 * Starter variant of the drain: nothing of its own on shutdown. SIGTERM runs Boot's shutdown hook, which closes the
 * context, and the starter's lifecycle drains the workers ({@code temporal.shutdown.drain-timeout}, 25 s default).
 * The main thread returns after starting the load; the starter's keep-alive thread holds the JVM.
 */
@SpringBootApplication
public class DrainStarterWorker {

	private static ChildArgs args;

	@Bean
	DrainCounters drainCounters() {
		return new DrainCounters(args.integer("activities"));
	}

	// beans are destroyed after lifecycle beans stopped, i.e. after the drain
	@Bean
	DisposableBean drainReport(DrainCounters counters) {
		return counters::report;
	}

	public static void main(String[] argv) {
		args = ChildArgs.parse(argv);
		Map<String, Object> properties = BenchWorkerOptions.starterProperties(args.string("target"));
		properties.put("bench.queue", args.string("queue"));
		properties.put("temporal.workers.sleep.task-queue", "${bench.queue}");
		ConfigurableApplicationContext context = new BootApplications(DrainStarterWorker.class, properties, false)
			.run();
		ChildOutput.mark("WORKERS_POLLING");
		DrainLoad.start(context.getBean(WorkflowClient.class), args);
	}

}
