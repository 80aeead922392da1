package io.github.workerstarter.benchmarks.drain;

import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/** Starts the sleeping workflows; the harness sends SIGTERM once all their activities run. */
final class DrainLoad {

	private DrainLoad() {
	}

	static void start(WorkflowClient client, ChildArgs args) {
		String queue = args.string("queue");
		int millis = args.integer("activity-ms");
		for (int i = 0; i < args.integer("activities"); i++) {
			SleepWorkflow workflow = client.newWorkflowStub(SleepWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(workflowId(queue, i)).build());
			WorkflowClient.start(workflow::sleep, millis);
		}
	}

	static String workflowId(String queue, int index) {
		return queue + "-" + index;
	}

}
