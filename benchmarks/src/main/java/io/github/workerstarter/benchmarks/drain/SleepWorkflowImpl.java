package io.github.workerstarter.benchmarks.drain;

import java.time.Duration;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;

/** No retries: an activity cut short by the shutdown shows up as failed in the history instead of being retried. */
@WorkflowImpl(taskQueues = "${bench.queue}")
public class SleepWorkflowImpl implements SleepWorkflow {

	private final SleepActivities activities = Workflow.newActivityStub(SleepActivities.class,
			ActivityOptions.newBuilder()
				.setStartToCloseTimeout(Duration.ofMinutes(1))
				.setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
				.build());

	@Override
	public void sleep(int millis) {
		this.activities.sleep(millis);
	}

}
