package io.github.workerstarter.config;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each bad value fails startup with a message naming the property, the value and what to write instead. */
class PropertiesValidationTests {

	static Stream<Arguments> badValues() {
		return Stream.of(
				arguments("temporal.workers.orders.max-concurrent-activities=0",
						"Property temporal.workers.orders.max-concurrent-activities is 0; a worker needs at least 1.",
						"Set temporal.workers.orders.max-concurrent-activities to 1 or more"),
				arguments("temporal.workers.orders.max-concurrent-workflow-tasks=-3",
						"Property temporal.workers.orders.max-concurrent-workflow-tasks is -3", "to 1 or more"),
				arguments("temporal.workers.orders.max-concurrent-local-activities=0",
						"Property temporal.workers.orders.max-concurrent-local-activities is 0", "to 1 or more"),
				arguments("temporal.workers.orders.workflow-pollers=0", "Property temporal.workers.orders.workflow-pollers is 0",
						"to 1 or more"),
				arguments("temporal.worker-defaults.activity-pollers=-1",
						"Property temporal.worker-defaults.activity-pollers is -1", "to 1 or more"),
				arguments("temporal.workers.orders.max-activities-per-second=0",
						"Property temporal.workers.orders.max-activities-per-second is 0.0; a rate limit must be above 0",
						"or remove it for no limit"),
				arguments("temporal.worker-defaults.max-task-queue-activities-per-second=-5",
						"Property temporal.worker-defaults.max-task-queue-activities-per-second is -5.0", "above 0"),
				arguments("temporal.workers.orders.sticky-queue-schedule-to-start-timeout=-1s",
						"Property temporal.workers.orders.sticky-queue-schedule-to-start-timeout is PT-1S; it cannot be negative",
						"to 0s or more"),
				arguments("temporal.namespace= ", "Property temporal.namespace is blank.", "Set temporal.namespace"),
				arguments("temporal.connect-timeout=0s", "Property temporal.connect-timeout is PT0S; it must be positive",
						"positive duration"),
				arguments("temporal.health.timeout=-1s", "Property temporal.health.timeout is PT-1S; it must be positive",
						"positive duration"),
				arguments("temporal.shutdown.drain-timeout=0s",
						"Property temporal.shutdown.drain-timeout is PT0S; it must be positive", "positive duration"),
				arguments("temporal.shutdown.sticky-queue-drain-timeout=-2s",
						"Property temporal.shutdown.sticky-queue-drain-timeout is PT-2S; it cannot be negative", "0s or more"),
				arguments("temporal.shutdown.poll-return-timeout=-1s",
						"Property temporal.shutdown.poll-return-timeout is PT-1S; it cannot be negative", "0s or more"),
				arguments("temporal.workers.orders.workflows=false,temporal.workers.orders.activities=false",
						"Worker temporal.workers.orders has both workflows and activities set to false",
						"or remove the worker"),
				arguments("temporal.workers.orders.task-queue= ", "Property temporal.workers.orders.task-queue is blank.",
						"Remove it to poll the queue named by the entry's key"),
				arguments("temporal.workers.orders.deployment.name= ",
						"Property temporal.workers.orders.deployment.name is blank.", "a deployment name such as order-service"),
				arguments("temporal.worker-defaults.deployment.build-id= ",
						"Property temporal.worker-defaults.deployment.build-id is blank.", "the build id of this version"),
				arguments("temporal.workers.orders.deployment.name=orders.v2",
						"Property temporal.workers.orders.deployment.name is 'orders.v2'; a deployment name cannot contain a dot",
						"e.g. orders-v2"),
				arguments("temporal.workers.orders.deployment.default-versioning-behavior=pinned",
						"Property temporal.workers.orders.deployment.default-versioning-behavior is pinned, but "
								+ "temporal.workers.orders.deployment.use-versioning is not true",
						"Set temporal.workers.orders.deployment.use-versioning=true"),
				// relied on by no bean: still a mistake, reported before anything is built
				arguments("temporal.default-task-queue=ordres",
						"Property temporal.default-task-queue is 'ordres', but no worker is configured for it. "
								+ "Configured task queues: [orders].",
						"Did you mean 'orders'?"),
				arguments("temporal.worker-defaults.activity-beans=audit",
						"Property temporal.worker-defaults.activity-beans is set to [audit], but beans are registered on "
								+ "one worker",
						"temporal.workers.<name>.activity-beans"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badValues")
	void badValueFailsStartup(String properties, String description, String action) {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.orders.identity=x")
			.withPropertyValues(properties.split(","))
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains(description);
				assertThat(failure.getAction()).contains(action);
			});
	}

}
