package io.github.workerstarter.test.plugin;

import java.time.Duration;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/** Waits a day (skipped by the test environment), then stamps. */
@WorkflowImpl(taskQueues = "stamps")
public class StampWorkflowImpl implements StampWorkflow {

	private final StampActivities activities = Workflow.newActivityStub(StampActivities.class,
			ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

	@Override
	public String stamp(String letter) {
		Workflow.sleep(Duration.ofDays(1));
		return this.activities.stamp(letter);
	}

}
