package io.github.workerstarter;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.determinism.DeterminismAutoConfiguration;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration;
import io.github.workerstarter.logging.TemporalLoggingAutoConfiguration;
import io.github.workerstarter.metrics.TemporalMetricsAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;

/** What the auto-configuration tests share: the auto-configurations in order, and reading a startup failure. */
public final class TemporalTestSupport {

	private TemporalTestSupport() {
	}

	/** All of the starter's auto-configurations, nothing configured. */
	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				EmbeddedServerAutoConfiguration.class, TemporalConnectionAutoConfiguration.class,
				TemporalWorkerAutoConfiguration.class, DeterminismAutoConfiguration.class,
				TemporalMetricsAutoConfiguration.class, TemporalLoggingAutoConfiguration.class));
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
		return runWorkflow(context, "Greet", taskQueue, name);
	}

	/** Runs a workflow type that takes and returns a string, on a queue, and returns its result. */
	public static String runWorkflow(ApplicationContext context, String workflowType, String taskQueue, String input) {
		WorkflowClient client = context.getBean(WorkflowClient.class);
		WorkflowStub stub = client.newUntypedWorkflowStub(workflowType,
				WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowRunTimeout(Duration.ofSeconds(30)).build());
		stub.start(input);
		return stub.getResult(String.class);
	}

	/** A workflow's history read straight from the server: payloads as stored, not decoded. */
	public static History history(ApplicationContext context, String workflowId) {
		return context.getBean(WorkflowServiceStubs.class)
			.blockingStub()
			.getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest.newBuilder()
				.setNamespace(context.getBean(WorkflowClient.class).getOptions().getNamespace())
				.setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
				.build())
			.getHistory();
	}

	/** A workflow's first input as the server stores it (read raw from the history; the client would decode it). */
	public static Payload storedInput(ApplicationContext context, String workflowId) {
		return history(context, workflowId).getEventsList()
			.stream()
			.filter(HistoryEvent::hasWorkflowExecutionStartedEventAttributes)
			.findFirst()
			.orElseThrow()
			.getWorkflowExecutionStartedEventAttributes()
			.getInput()
			.getPayloads(0);
	}

}
