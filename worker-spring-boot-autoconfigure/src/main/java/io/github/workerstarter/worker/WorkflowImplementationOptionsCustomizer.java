package io.github.workerstarter.worker;

import io.temporal.worker.WorkflowImplementationOptions;

/**
 * Adjusts the options a workflow implementation is registered with (activity options, failure types, ...), after
 * {@code temporal.activities.*} is applied. Beans of this type run in {@code @Order}, for every workflow on every
 * queue.
 */
@FunctionalInterface
public interface WorkflowImplementationOptionsCustomizer {

	void customize(String taskQueue, Class<?> workflowImplementation, WorkflowImplementationOptions.Builder builder);

	/**
	 * Adjusts a workflow implementation's options, knowing the worker's namespace as well. By default calls
	 * {@link #customize(String, Class, WorkflowImplementationOptions.Builder)}; override this one to tell namespaces
	 * apart.
	 * @param namespace the name of the worker's Temporal namespace
	 * @param taskQueue the worker's task queue
	 * @param workflowImplementation the workflow class
	 * @param builder its options, properties applied
	 */
	default void customize(String namespace, String taskQueue, Class<?> workflowImplementation,
			WorkflowImplementationOptions.Builder builder) {
		customize(taskQueue, workflowImplementation, builder);
	}

}
