package io.github.workerstarter.worker;

import io.temporal.worker.WorkerFactoryOptions;

/**
 * Adjusts the {@code WorkerFactory} options (interceptors, workflow cache) before the factory bean is built.
 * Beans of this type run in {@code @Order}.
 */
@FunctionalInterface
public interface WorkerFactoryOptionsCustomizer {

	void customize(WorkerFactoryOptions.Builder builder);

}
