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

}
