package io.github.workerstarter.worker;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.registration.TemporalImplementation;
import io.temporal.worker.Worker;

/**
 * A configured worker and what is registered on it: one entry of {@code temporal.workers}.
 *
 * @param name the entry's key under temporal.workers
 * @param namespace the alias of its namespace: {@code main}, or a key of temporal.namespaces
 * @param namespaceName the name of its Temporal namespace
 * @param taskQueue the task queue it polls
 * @param worker the SDK worker, or null when the worker is disabled (then nothing was built and nothing polls)
 * @param workflowTypes workflow type names registered (or, for a disabled worker, that would be)
 * @param activityTypes activity type names registered (or that would be)
 * @param nexusServices Nexus service names registered (or that would be)
 * @param implementations the beans registered on it (bean names and classes)
 * @param disabledBy the property that turned the worker off, e.g. {@code temporal.workers.orders.enabled=false}, or
 * null for an enabled worker
 * @param plugins the names of the Temporal SDK plugins it runs with, in order
 */
public record RegisteredWorker(String name, String namespace, String namespaceName, String taskQueue,
		@Nullable Worker worker, List<String> workflowTypes, List<String> activityTypes, List<String> nexusServices,
		List<TemporalImplementation> implementations, @Nullable String disabledBy, List<String> plugins) {

	/**
	 * A worker without plugins.
	 * @param name the entry's key under temporal.workers
	 * @param namespace the alias of its namespace
	 * @param namespaceName the name of its Temporal namespace
	 * @param taskQueue the task queue it polls
	 * @param worker the SDK worker, or null when disabled
	 * @param workflowTypes workflow type names
	 * @param activityTypes activity type names
	 * @param nexusServices Nexus service names
	 * @param implementations the beans registered on it
	 * @param disabledBy the property that turned the worker off, or null
	 */
	public RegisteredWorker(String name, String namespace, String namespaceName, String taskQueue,
			@Nullable Worker worker, List<String> workflowTypes, List<String> activityTypes, List<String> nexusServices,
			List<TemporalImplementation> implementations, @Nullable String disabledBy) {
		this(name, namespace, namespaceName, taskQueue, worker, workflowTypes, activityTypes, nexusServices,
				implementations, disabledBy, List.of());
	}

	/**
	 * Whether the worker runs in the main namespace ({@code temporal.namespace}).
	 * @return true for the alias main
	 */
	public boolean isMainNamespace() {
		return NamespaceProperties.MAIN.equals(this.namespace);
	}

	/**
	 * Whether anything is (or, for a disabled worker, would be) registered.
	 * @return true when the worker has a workflow type, an activity type or a Nexus service
	 */
	public boolean hasRegistrations() {
		return !this.workflowTypes.isEmpty() || !this.activityTypes.isEmpty() || !this.nexusServices.isEmpty();
	}

	/**
	 * Whether the worker was built; a disabled one was not.
	 * @return false when {@code temporal.start-workers} or the worker's {@code enabled} is false
	 */
	public boolean isEnabled() {
		return this.worker != null;
	}

	/**
	 * Whether this worker polls its queue while the workers run: it is enabled and has registrations.
	 * @return true when it polls
	 */
	public boolean polls() {
		return isEnabled() && hasRegistrations();
	}

	/**
	 * The SDK worker of an enabled worker.
	 * @return the worker
	 * @throws IllegalStateException when the worker is disabled
	 */
	public Worker requireWorker() {
		if (this.worker == null) {
			throw new IllegalStateException("The worker of task queue '" + this.taskQueue + "' is disabled ("
					+ this.disabledBy + ")");
		}
		return this.worker;
	}

}
