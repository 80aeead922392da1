package io.github.workerstarter.connection;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * Adjusts the gRPC connection options before the {@code WorkflowServiceStubs} bean is built. Beans of this type
 * run in {@code @Order}, after the options from {@code temporal.*} are applied.
 */
@FunctionalInterface
public interface WorkflowServiceStubsOptionsCustomizer {

	void customize(WorkflowServiceStubsOptions.Builder builder);

}
