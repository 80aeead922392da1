package io.github.workerstarter.worker;

import java.util.List;

import io.github.workerstarter.registration.TemporalImplementation;
import io.temporal.worker.Worker;

/**
 * A worker built for one configured task queue and what was registered on it.
 *
 * @param taskQueue the task queue it polls
 * @param worker the SDK worker
 * @param workflowTypes registered workflow type names
 * @param activityTypes registered activity type names
 * @param nexusServices registered Nexus service names
 * @param implementations the beans registered on it (bean names and classes, for the actuator endpoint)
 */
public record RegisteredWorker(String taskQueue, Worker worker, List<String> workflowTypes,
		List<String> activityTypes, List<String> nexusServices, List<TemporalImplementation> implementations) {

	/**
	 * A worker whose implementing beans are not known.
	 * @param taskQueue the task queue it polls
	 * @param worker the SDK worker
	 * @param workflowTypes registered workflow type names
	 * @param activityTypes registered activity type names
	 */
	public RegisteredWorker(String taskQueue, Worker worker, List<String> workflowTypes, List<String> activityTypes) {
		this(taskQueue, worker, workflowTypes, activityTypes, List.of(), List.of());
	}

	/**
	 * Whether anything was registered; a worker without registrations does not poll.
	 * @return true when the worker has a workflow type, an activity type or a Nexus service
	 */
	public boolean hasRegistrations() {
		return !this.workflowTypes.isEmpty() || !this.activityTypes.isEmpty() || !this.nexusServices.isEmpty();
	}

}
