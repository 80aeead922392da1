package io.github.workerstarter.connection;

import io.temporal.client.WorkflowClientOptions;

/**
 * Adjusts the client options (data converter, interceptors, identity) before the {@code WorkflowClient} bean is
 * built. Beans of this type run in {@code @Order}, after the options from {@code temporal.*} are applied.
 */
@FunctionalInterface
public interface WorkflowClientOptionsCustomizer {

	void customize(WorkflowClientOptions.Builder builder);

}
