package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.fixtures.cancellation.CancellationFixtures;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * temporal.activities.<type>.cancellation-type reaches the workflow's activity calls: what the workflow does when
 * it cancels the activity is read back from the history the server kept.
 */
class ActivityCancellationTypeTests {

	@Test
	void abandonNeverAsksTheActivityToCancel() {
		run("abandon", (events) -> assertThat(events).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED));
	}

	@Test
	void withoutTheKeyTheSdkDefaultTryCancelAsksIt() {
		run(null, (events) -> assertThat(events).contains(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED));
	}

	@Test
	void waitCancellationCompletedWaitsUntilTheActivityHasEnded() {
		run("wait-cancellation-completed", (events) -> {
			// the workflow went on only after the activity saw the cancellation (through its heartbeat) and ended
			assertThat(events).contains(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
			assertThat(events.indexOf(EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED))
				.isPositive()
				.isLessThan(events.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED));
		});
	}

	private static void run(String cancellationType, java.util.function.Consumer<List<EventType>> check) {
		ApplicationContextRunner runner = runner()
			.withPropertyValues("temporal.target=embedded", "temporal.workers.cancellation.identity=x")
			.withUserConfiguration(CancellationFixtures.class);
		if (cancellationType != null) {
			runner = runner.withPropertyValues("temporal.activities.WaitForCancel.cancellation-type=" + cancellationType);
		}
		runner.run((context) -> {
			WorkflowClient client = context.getBean(WorkflowClient.class);
			String id = "cancel-" + UUID.randomUUID();
			WorkflowStub stub = client.newUntypedWorkflowStub("CancelActivity", WorkflowOptions.newBuilder()
				.setTaskQueue("cancellation")
				.setWorkflowId(id)
				.setWorkflowRunTimeout(Duration.ofSeconds(60))
				.build());
			stub.start();
			assertThat(stub.getResult(String.class)).isEqualTo("cancelled");
			check.accept(client.fetchHistory(id).getEvents().stream().map(HistoryEvent::getEventType).toList());
		});
	}

}
