package io.github.workerstarter.registration;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.unconfigured.UnconfiguredQueuesFixtures;
import io.github.workerstarter.testing.Yaml;
import io.temporal.worker.WorkerFactory;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static org.assertj.core.api.Assertions.assertThat;

/** A new application whose beans name several unconfigured queues learns about all of them in one failure. */
class UnconfiguredQueuesTests {

	@Test
	void everyUnconfiguredQueueIsReportedOnceWithAPasteReadyBlock() {
		embeddedGreetingsRunner().withUserConfiguration(UnconfiguredQueuesFixtures.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage())
				.startsWith("3 task queues named by beans have no worker configured under temporal.workers "
						+ "(configured task queues: [greetings]):")
				.contains("- 'orders': @WorkflowImpl bean 'io.github.workerstarter.fixtures.unconfigured."
						+ "UnconfiguredQueuesFixtures$OrderWorkflow' (")
				.contains("); @ActivityImpl bean 'io.github.workerstarter.fixtures.unconfigured.UnconfiguredQueuesFixtures$PaymentActivities'")
				.contains("- 'payments': ")
				.contains("- 'shipping.v2': ");
			String block = failure.getAction().substring(failure.getAction().indexOf("temporal:"));
			assertThat(block).isEqualTo("""
					temporal:
					  workers:
					    orders: {}
					    payments: {}
					    "[shipping.v2]": {}
					""");
			// pasted as it is (next to the existing worker), the application starts and polls every queue
			embeddedGreetingsRunner().withUserConfiguration(UnconfiguredQueuesFixtures.class)
				.withInitializer(Yaml.source("pasted.yml", block))
				.run((fixed) -> {
					assertThat(fixed).hasNotFailed();
					WorkerFactory factory = fixed.getBean(WorkerFactory.class);
					for (String queue : List.of("greetings", "orders", "payments", "shipping.v2")) {
						assertThat(factory.getWorker(queue)).as(queue).isNotNull();
					}
				});
		});
	}

	@Test
	void aConfiguredQueueNoBeanNamesThatIsANearMissIsTheKeyToRename() {
		embeddedGreetingsRunner().withUserConfiguration(UnconfiguredQueuesFixtures.class)
			.withPropertyValues("temporal.workers.orders.identity=x", "temporal.workers.payment.identity=x",
					"temporal.workers.shipping-v2.task-queue=shipping.v2")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("$PaymentActivities) is annotated @ActivityImpl for task "
						+ "queue 'payments', but no worker is configured for that queue.");
				// the configured 'payment' serves no bean: the key, not the bean, is the likelier typo
				assertThat(failure.getAction()).isEqualTo("The configured task queue 'payment', which no bean names, and "
						+ "'payments' differ by a typo: either rename the key temporal.workers.payment to "
						+ "temporal.workers.payments in application.yml (its settings stay), or name 'payment' in the bean.");
			});
	}

	@Test
	void aNearMissOfAQueueOtherBeansUseIsSuggestedToTheBean() {
		embeddedGreetingsRunner().withUserConfiguration(UnconfiguredQueuesFixtures.class)
			.withPropertyValues("temporal.workers.orders.identity=x", "temporal.workers.payment.identity=x",
					"temporal.workers.shipping-v2.task-queue=shipping.v2",
					"temporal.workers.payment.activity-beans=" + UnconfiguredQueuesFixtures.ConfiguredActivities.class.getName())
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getAction()).contains("Add temporal.workers.payments to the configuration")
					.contains("Did you mean 'payment'?")
					.endsWith("In application.yml:\n\ntemporal:\n  workers:\n    payments: {}\n");
			});
	}

}
