package io.github.workerstarter.config;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.testing.Yaml;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** Boot ignores unknown names; under temporal.* a typo fails startup instead of leaving a default in place. */
class UnknownPropertiesCheckTests {

	@Test
	void typoInAWorkerEntryFailsWithTheNearestName() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.orders.max-concurent-activities=5")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage())
					.contains("Property temporal.workers.orders.max-concurent-activities")
					.contains("is not a property of the Temporal worker starter, so it would be silently ignored");
				assertThat(failure.getAction())
					.contains("Did you mean 'temporal.workers.orders.max-concurrent-activities'?")
					.contains("temporal.fail-on-unknown-properties=false");
			});
	}

	@Test
	void typoAtTheTopLevelFails() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.namespce=orders").run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("Property temporal.namespce");
			assertThat(failure.getAction()).contains("Did you mean 'temporal.namespace'?");
		});
	}

	@Test
	void typoInANestedGroupFails() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.shutdown.drain-timout=5s").run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getAction()).contains("Did you mean 'temporal.shutdown.drain-timeout'?");
		});
	}

	@Test
	void knownNamesMapKeysAndSwitchesPass() {
		runner()
			.withPropertyValues("temporal.target=embedded", "temporal.workers.orders.max-concurrent-activities=5",
					"temporal.workers.payments.task-queue=payment-task-queue", "temporal.workers.payments.workflows=false",
					"temporal.worker-defaults.activity-pollers=3", "temporal.shutdown.drain-timeout=10s",
					"temporal.health.timeout=2s", "temporal.metrics.tags.team=orders", "temporal.metrics.enabled=false",
					"temporal.logging.mdc.enabled=false", "temporal.workflows.determinism-check=warn",
					"temporal.workflows.determinism-allowed[0]=java.util.UUID#randomUUID")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void typoInADeterminismPropertyFails() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workflows.determinism-checks=fail")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getAction())
				.contains("Did you mean 'temporal.workflows.determinism-check'?"));
	}

	@Test
	void emptyEntriesAndKeysWithCapitalsPassAsWritten() {
		runner().withInitializer(Yaml.source("application.yml", """
				temporal:
				  target: embedded
				  workers:
				    order-task-queue: {}
				    HelloSampleTaskQueue: {}
				  activities:
				    ChargeCard: {}
				"""))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TemporalProperties.class).workersByTaskQueue()).containsOnlyKeys(
						"order-task-queue", "HelloSampleTaskQueue");
			});
	}

	@Test
	void messageShowsMapKeysAsWritten() {
		runner().withInitializer(Yaml.source("application.yml", """
				temporal:
				  target: embedded
				  activities:
				    ChargeCard:
				      retry:
				        maximum-attemps: 3
				"""))
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("Property temporal.activities.ChargeCard.retry.maximum-attemps");
				assertThat(failure.getAction())
					.contains("Did you mean 'temporal.activities.ChargeCard.retry.maximum-attempts'?");
			});
	}

	@Test
	void checkCanBeSwitchedOff() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.fail-on-unknown-properties=false",
				"temporal.some-future-option=1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
