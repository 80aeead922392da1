package io.github.workerstarter;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration;
import io.github.workerstarter.logging.TemporalLoggingAutoConfiguration;
import io.github.workerstarter.metrics.TemporalMetricsAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

/** What the auto-configuration tests share: the auto-configurations in order, and reading a startup failure. */
public final class TemporalTestSupport {

	private TemporalTestSupport() {
	}

	/** All of the starter's auto-configurations, nothing configured. */
	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				EmbeddedServerAutoConfiguration.class, TemporalConnectionAutoConfiguration.class,
				TemporalWorkerAutoConfiguration.class, TemporalMetricsAutoConfiguration.class,
				TemporalLoggingAutoConfiguration.class));
	}

	/** The runner against the in-process server with one worker on task queue {@code greetings}. */
	public static ApplicationContextRunner embeddedGreetingsRunner() {
		return runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.identity=test");
	}

	/** The {@link WorkerConfigurationException} somewhere in a failed context's causes. */
	public static WorkerConfigurationException configurationFailure(Throwable startupFailure) {
		for (Throwable t = startupFailure; t != null; t = t.getCause()) {
			if (t instanceof WorkerConfigurationException failure) {
				return failure;
			}
		}
		throw new AssertionError("No WorkerConfigurationException in the failure", startupFailure);
	}

	/** Runs the {@code Greet} workflow on a queue and returns its result. */
	public static String greet(ApplicationContext context, String taskQueue, String name) {
		WorkflowClient client = context.getBean(WorkflowClient.class);
		WorkflowStub stub = client.newUntypedWorkflowStub("Greet",
				WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowRunTimeout(Duration.ofSeconds(30)).build());
		stub.start(name);
		return stub.getResult(String.class);
	}

}
