package io.github.workerstarter.benchmarks.harness;

import java.util.concurrent.TimeUnit;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * Asks the server, after a worker JVM has gone, what became of its activities: the history is what counts, not
 * what the worker believes it did.
 */
public final class HistoryCheck implements AutoCloseable {

	private final WorkflowServiceStubs stubs;

	private final WorkflowClient client;

	/**
	 * @param completed activities whose completion the server recorded
	 * @param failed activities recorded as failed, timed out or canceled
	 */
	public record ActivityOutcomes(int completed, int failed) {
	}

	public HistoryCheck(String target) {
		this.stubs = WorkflowServiceStubs
			.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
		this.client = WorkflowClient.newInstance(this.stubs);
	}

	public ActivityOutcomes activityOutcomes(Iterable<String> workflowIds) {
		int completed = 0;
		int failed = 0;
		for (String workflowId : workflowIds) {
			for (HistoryEvent event : this.client.fetchHistory(workflowId).getEvents()) {
				EventType type = event.getEventType();
				if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
					completed++;
				}
				else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED
						|| type == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT
						|| type == EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED) {
					failed++;
				}
			}
		}
		return new ActivityOutcomes(completed, failed);
	}

	@Override
	public void close() {
		this.stubs.shutdown();
		this.stubs.awaitTermination(5, TimeUnit.SECONDS);
	}

}
