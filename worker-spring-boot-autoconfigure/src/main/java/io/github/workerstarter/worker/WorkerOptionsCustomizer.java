package io.github.workerstarter.worker;

import io.temporal.worker.WorkerOptions;

/**
 * Adjusts one worker's options after {@code temporal.worker-defaults} and {@code temporal.workers.<queue>} are
 * applied. Beans of this type run in {@code @Order}, for every worker; look at the task queue to target one.
 */
@FunctionalInterface
public interface WorkerOptionsCustomizer {

	void customize(String taskQueue, WorkerOptions.Builder builder);

	/**
	 * Adjusts one worker's options, knowing its namespace as well. By default calls
	 * {@link #customize(String, WorkerOptions.Builder)}; override this one to tell workers of one task queue in
	 * several namespaces ({@code temporal.namespaces}) apart.
	 * @param namespace the name of the worker's Temporal namespace
	 * @param taskQueue the task queue it polls
	 * @param builder its options, properties applied
	 */
	default void customize(String namespace, String taskQueue, WorkerOptions.Builder builder) {
		customize(taskQueue, builder);
	}

}
