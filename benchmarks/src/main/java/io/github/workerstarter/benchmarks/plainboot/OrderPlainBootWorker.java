package io.github.workerstarter.benchmarks.plainboot;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.workerstarter.benchmarks.child.BootApplications;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.RawWorkers;
import io.github.workerstarter.benchmarks.child.StartupPhases;
import io.github.workerstarter.benchmarks.order.OrderRawWorker;
import io.github.workerstarter.benchmarks.order.OrderRun;

/**
 * The startup scenario's {@code boot+raw} variant: a Spring Boot application on the same class path with the
 * starter's auto-configurations excluded and nothing to scan (this package has no components), then the raw SDK
 * wiring after {@code run()}. Starter minus this is what the starter itself costs; this minus raw is Spring Boot.
 */
@SpringBootApplication(excludeName = { "io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration",
		"io.github.workerstarter.connection.TemporalConnectionAutoConfiguration",
		"io.github.workerstarter.worker.TemporalWorkerAutoConfiguration" })
public class OrderPlainBootWorker {

	public static void main(String[] argv) throws Exception {
		StartupPhases.reached("main");
		ChildArgs args = ChildArgs.parse(argv);
		ConfigurableApplicationContext context = new BootApplications(OrderPlainBootWorker.class, Map.of(), false)
			.run();
		StartupPhases.reached("run-returned");
		RawWorkers raw = OrderRawWorker.startWorkers(args.string("target"), args.string("queue"),
				args.flag("train"));
		Map<String, Object> result = OrderRun.run(raw.client(), args);
		ChildOutput.result(result);
		raw.shutdown(25);
		context.close();
		System.exit(0);
	}

}
