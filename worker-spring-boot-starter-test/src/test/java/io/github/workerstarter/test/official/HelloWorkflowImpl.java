package io.github.workerstarter.test.official;

import java.time.Duration;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/** Greets after a day's wait (the official starter's sample greets at once; the timer shows time skipping). */
@WorkflowImpl(taskQueues = "HelloSampleTaskQueue")
public class HelloWorkflowImpl implements HelloWorkflow {

	private final HelloActivity activity = Workflow.newActivityStub(HelloActivity.class,
			ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(2)).build());

	@Override
	public String sayHello(Person person) {
		Workflow.sleep(Duration.ofDays(1));
		return this.activity.hello(person);
	}

}
