package io.github.workerstarter.test.environment;

import io.temporal.testing.TestEnvironmentOptions;

/**
 * Adjusts the {@code TestWorkflowEnvironment}'s options (search attributes to register, where the clock starts)
 * before the environment is built. Beans of this type run in {@code @Order}, after the options the starter derives
 * from the application (converter, interceptors, customizers of the stubs, client and worker factory) and from
 * {@code temporal.test.environment.*}.
 */
@FunctionalInterface
public interface TestEnvironmentOptionsCustomizer {

	void customize(TestEnvironmentOptions.Builder builder);

}
