package io.github.workerstarter.payload;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import io.github.workerstarter.fixtures.payload.PayloadActivitiesImpl;
import io.github.workerstarter.fixtures.payload.PayloadFixtures;
import io.github.workerstarter.fixtures.payload.PayloadWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * temporal.payloads.max-size is checked in the data converter that the client and the workers share: over it, a
 * start fails before anything reaches the server, workflow code fails its workflow, an activity fails without
 * retries; the worker keeps serving. Limits are lowered here so that payloads stay small.
 */
@ExtendWith(OutputCaptureExtension.class)
class PayloadSizeLimitTests {

	private static final int MAX = 8 * 1024;

	private final ApplicationContextRunner runner = runner().withUserConfiguration(PayloadFixtures.class)
		.withPropertyValues("temporal.target=embedded", "temporal.workers.payloads.identity=test",
				"temporal.payloads.max-size=8KB", "temporal.payloads.warn-size=4KB");

	@Test
	void startOverTheLimitFailsBeforeReachingTheServer() {
		this.runner.run((context) -> {
			PayloadWorkflow workflow = stub(context, "payload-start");
			Throwable failure = catchThrowable(() -> WorkflowClient.start(workflow::send, "x".repeat(MAX), 1));

			assertThat(failure).isInstanceOf(WorkflowServiceException.class);
			ApplicationFailure limit = limitFailure(failure);
			assertThat(limit.isNonRetryable()).isTrue();
			assertThat(limit.getOriginalMessage()).matches("Payload of 8,\\d{3} bytes for workflow 'payload-start' "
					+ "exceeds temporal.payloads.max-size \\(8,192 bytes\\)\\..*")
				.contains("limit.blobSize.error (2 MiB unless raised)", "pass a reference");
			// nothing was sent: the server has no such workflow
			assertThat(catchThrowable(() -> context.getBean(WorkflowClient.class)
				.newUntypedWorkflowStub("payload-start")
				.describe())).isInstanceOf(WorkflowNotFoundException.class);
			assertWorkerStillServes(context);
		});
	}

	@Test
	void activityArgumentOverTheLimitFailsTheWorkflowBeforeTheActivityIsScheduled() {
		this.runner.run((context) -> {
			Throwable failure = catchThrowable(() -> stub(context, "payload-argument").send("activity-argument", MAX));

			assertThat(failure).isInstanceOf(WorkflowFailedException.class);
			assertThat(limitFailure(failure).getOriginalMessage())
				.startsWith("Payload of 8,")
				.contains("bytes for activity Echo of workflow 'payload-argument' exceeds temporal.payloads.max-size");
			assertThat(context.getBean(PayloadActivitiesImpl.class).calls()).isZero();
			assertThat(events(context, "payload-argument")).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
				.doesNotContain(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
				.contains(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
			assertWorkerStillServes(context);
		});
	}

	@Test
	void activityResultOverTheLimitFailsTheActivityOnceWithoutRetry() {
		this.runner.run((context) -> {
			Throwable failure = catchThrowable(() -> stub(context, "payload-result").send("activity-result", MAX));

			// the activity keeps the SDK's default retry policy (no end), yet ran once: the failure is non-retryable
			assertThat(failure).isInstanceOf(WorkflowFailedException.class);
			assertThat(failure.getCause()).isInstanceOf(ActivityFailure.class);
			assertThat(limitFailure(failure).getOriginalMessage())
				.contains("bytes for activity Produce of workflow 'payload-result' exceeds");
			assertThat(context.getBean(PayloadActivitiesImpl.class).calls()).isEqualTo(1);
			assertThat(events(context, "payload-result")).containsOnlyOnce(EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED);
			assertWorkerStillServes(context);
		});
	}

	@Test
	void overTheWarnSizeIsLoggedAndSent(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(stub(context, "payload-warn").send("activity-result", 5000)).isEqualTo(5000);
			assertThat(output).containsPattern("WARN .*Payload of 5,\\d{3} bytes for activity Produce of workflow "
					+ "'payload-warn' is over temporal.payloads.warn-size \\(4,096 bytes\\); payloads over 8,192 bytes "
					+ "\\(temporal.payloads.max-size\\) fail\\.");
		});
	}

	@Test
	void unserializableResultFailsAtOnceWhenTheConverterFailureIsNotRetried() {
		// the SDK retries a DataConverterException per the retry policy; naming its type in do-not-retry ends it
		this.runner
			.withPropertyValues("temporal.activities.Unserializable.retry.do-not-retry="
					+ "io.temporal.common.converter.DataConverterException")
			.run((context) -> {
				Throwable failure = catchThrowable(
						() -> stub(context, "payload-unserializable").send("unserializable-result", 0));

				assertThat(failure).isInstanceOf(WorkflowFailedException.class);
				ApplicationFailure cause = (ApplicationFailure) failure.getCause().getCause();
				assertThat(cause.getType()).isEqualTo("io.temporal.common.converter.DataConverterException");
				assertThat(cause.getOriginalMessage()).contains("java.lang.Object");
				assertThat(context.getBean(PayloadActivitiesImpl.class).calls()).isEqualTo(1);
				assertWorkerStillServes(context);
			});
	}

	@Test
	void defaultsAreTheServersBlobSizeLimits() {
		runner().withPropertyValues("temporal.target=embedded").run((context) -> {
			DataConverter converter = context.getBean(WorkflowClient.class).getOptions().getDataConverter();
			assertThat(converter).isInstanceOf(PayloadSizeLimitingDataConverter.class);
			// limit.blobSize.error of the Temporal server
			assertThat(((PayloadSizeLimitingDataConverter) converter).maxBytes()).isEqualTo(2 * 1024 * 1024);
		});
	}

	@Test
	void warnSizeAboveMaxSizeFailsStartup() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.payloads.max-size=1MB",
				"temporal.payloads.warn-size=2MB")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("temporal.payloads.warn-size is 2097152B", "at most temporal.payloads.max-size (1048576B)"));
		runner().withPropertyValues("temporal.target=embedded", "temporal.payloads.max-size=0B")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("temporal.payloads.max-size is 0B; it must be positive"));
	}

	private static PayloadWorkflow stub(ApplicationContext context, String workflowId) {
		return context.getBean(WorkflowClient.class)
			.newWorkflowStub(PayloadWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue("payloads").setWorkflowId(workflowId).build());
	}

	private static ApplicationFailure limitFailure(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ApplicationFailure application
					&& PayloadSizeLimitingDataConverter.FAILURE_TYPE.equals(application.getType())) {
				return application;
			}
		}
		throw new AssertionError("No " + PayloadSizeLimitingDataConverter.FAILURE_TYPE + " failure in", failure);
	}

	private static List<EventType> events(ApplicationContext context, String workflowId) {
		return context.getBean(WorkflowClient.class)
			.fetchHistory(workflowId)
			.getEvents()
			.stream()
			.map(HistoryEvent::getEventType)
			.toList();
	}

	private static void assertWorkerStillServes(ApplicationContext context) {
		assertThat(stub(context, "payload-after-" + System.nanoTime()).send("ok", 0)).isEqualTo(2);
	}

}
