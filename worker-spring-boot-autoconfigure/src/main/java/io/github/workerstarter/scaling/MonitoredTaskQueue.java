package io.github.workerstarter.scaling;

import java.util.Set;

import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * A task queue whose backlog an instance reports: one it runs a worker for.
 *
 * @param namespace the Temporal namespace's name
 * @param taskQueue the task queue
 * @param types the task types its worker polls
 * @param stubs the connection to the namespace's server
 */
public record MonitoredTaskQueue(String namespace, String taskQueue, Set<TaskType> types,
		WorkflowServiceStubs stubs) {

	public MonitoredTaskQueue {
		types = Set.copyOf(types);
	}

}
