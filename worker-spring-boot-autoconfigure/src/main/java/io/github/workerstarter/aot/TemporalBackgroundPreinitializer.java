package io.github.workerstarter.aot;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.util.ClassUtils;

import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.common.converter.GlobalDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * Initializes the Temporal SDK's heaviest classes on Spring Boot's background pre-initialization thread, while the
 * main thread prepares the environment and parses the configuration: the Temporal API's gRPC method descriptors
 * with their protobuf messages, the default payload converters (the SDK's Jackson object mapper among them) and the
 * connection options. They are the same one-time class initializations the starter's beans would otherwise run on
 * the main thread a moment later; the main thread now finds them done, or waits for the rest. Pure class
 * initialization of libraries whose static initializers do not depend on each other in cycles: nothing is
 * connected, no thread or resource is left behind, so training runs and Spring AOT processing are unaffected. Runs only where Boot runs its own pre-initializers (not in a native image, not on one
 * CPU, not with {@code -Dspring.backgroundpreinitializer.ignore=true}); registered in {@code spring.factories}.
 */
public final class TemporalBackgroundPreinitializer implements BackgroundPreinitializer {

	private static final String SDK_CLASS = "io.temporal.worker.Worker";

	@Override
	public void preinitialize() {
		if (ClassUtils.isPresent(SDK_CLASS, getClass().getClassLoader())) {
			Sdk.preinitialize();
		}
	}

	/** Kept apart so that nothing of the SDK is loaded when it is absent. */
	private static final class Sdk {

		static void preinitialize() {
			WorkflowServiceGrpc.getServiceDescriptor();
			GlobalDataConverter.get();
			WorkflowServiceStubsOptions.newBuilder().validateAndBuildWithDefaults();
		}

	}

}
