package io.github.workerstarter.worker;

import io.temporal.worker.WorkerOptions;

/**
 * Adjusts one worker's options after {@code temporal.worker-defaults} and {@code temporal.workers.<queue>} are
 * applied. Beans of this type run in {@code @Order}, for every worker; look at the task queue to target one.
 */
@FunctionalInterface
public interface WorkerOptionsCustomizer {

	void customize(String taskQueue, WorkerOptions.Builder builder);

}
