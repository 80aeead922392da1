package io.github.workerstarter.namespaces;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.billing.BillingFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.github.workerstarter.worker.WorkerOptionsCustomizer;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Workers in two namespaces on the embedded server: one registry, one lifecycle, a worker factory and clients per
 * namespace, qualified beans for the further one, and the failures that name the namespace.
 */
@ExtendWith(OutputCaptureExtension.class)
class NamespacesTests {

	private static ApplicationContextRunner twoNamespaces() {
		return runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.identity=main",
				"temporal.namespaces.billing.namespace=billing-ns",
				"temporal.workers.billing-greetings.namespace=billing",
				"temporal.workers.billing-greetings.task-queue=greetings",
				"temporal.workers.billing-greetings.identity=billing");
	}

	@Test
	void aWorkflowInEachNamespaceEachClientReachingOnlyItsOwn() {
		twoNamespaces().withUserConfiguration(GreetingFixtures.class, BillingFixtures.class, Clients.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Clients clients = context.getBean(Clients.class);
				assertThat(clients.main.getOptions().getNamespace()).isEqualTo("default");
				assertThat(clients.billing.getOptions().getNamespace()).isEqualTo("billing-ns");
				assertThat(clients.billingSchedules).isNotNull();
				assertThat(clients.billingFactory).isNotSameAs(context.getBean(WorkerFactory.class));
				// the same queue name in both namespaces, each with its own workflows
				String greetingId = "greet-" + UUID.randomUUID();
				assertThat(run(clients.main, "Greet", greetingId, "Ada")).isEqualTo("Hello, Ada!");
				String invoiceId = "invoice-" + UUID.randomUUID();
				assertThat(run(clients.billing, "Invoice", invoiceId, "Ada")).isEqualTo("invoice for Ada in billing-ns");
				// each client sees its own namespace only
				assertThat(exists(clients.main, greetingId)).isTrue();
				assertThat(exists(clients.main, invoiceId)).isFalse();
				assertThat(exists(clients.billing, invoiceId)).isTrue();
				assertThat(exists(clients.billing, greetingId)).isFalse();
				// plain injection points keep the main namespace's beans
				assertThat(context.getBean(WorkflowClient.class)).isSameAs(clients.main);
				assertThat(context.getBean(WorkflowServiceStubs.class)).isSameAs(clients.billingStubs);
			});
	}

	@Test
	void theRegistryListsEachWorkerWithItsNamespace() {
		twoNamespaces().withUserConfiguration(GreetingFixtures.class, BillingFixtures.class).run((context) -> {
			List<RegisteredWorker> workers = context.getBean(TemporalWorkerRegistry.class).workers();
			assertThat(workers).extracting(RegisteredWorker::name, RegisteredWorker::namespace,
					RegisteredWorker::namespaceName, RegisteredWorker::taskQueue)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("greetings", "main", "default", "greetings"),
						org.assertj.core.groups.Tuple.tuple("billing-greetings", "billing", "billing-ns", "greetings"));
			// unrestricted beans serve the queue in every namespace; restricted ones only in theirs
			assertThat(workers.get(0).workflowTypes()).containsExactly("Greet");
			assertThat(workers.get(1).workflowTypes()).containsExactlyInAnyOrder("Greet", "Invoice");
		});
	}

	@Test
	void customizersLearnTheNamespace() {
		twoNamespaces().withUserConfiguration(GreetingFixtures.class, NamespaceIdentity.class).run((context) -> {
			WorkerFactory billing = context.getBean("billingWorkerFactory", WorkerFactory.class);
			assertThat(billing.getWorker("greetings").getWorkerOptions().getIdentity()).isEqualTo("billing-ns/greetings");
			assertThat(context.getBean(WorkerFactory.class).getWorker("greetings").getWorkerOptions().getIdentity())
				.isEqualTo("default/greetings");
		});
	}

	@Test
	void startupLinesNameTheNamespace(CapturedOutput output) {
		twoNamespaces().withUserConfiguration(GreetingFixtures.class, BillingFixtures.class)
			.run((context) -> assertThat(output)
				.contains("Temporal worker for task queue 'greetings' in namespace 'default': workflows [Greet]")
				.contains("Temporal worker for task queue 'greetings' in namespace 'billing-ns': workflows [Greet, Invoice]"));
	}

	@Test
	void unknownAliasOfAWorkerFailsWithDidYouMean() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.namespaces.billing.namespace=billing",
				"temporal.workers.invoices.namespace=biling")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).isEqualTo("Property temporal.workers.invoices.namespace is 'biling', but "
						+ "no namespace has that alias. Aliases: [main, billing].");
				assertThat(failure.getAction()).contains("Did you mean 'billing'?");
			});
	}

	@Test
	void unknownAliasInAnAnnotationFails() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.identity=x")
			.withUserConfiguration(BillingFixtures.class)
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("(namespaces = \"billing\"), but no namespace has the alias "
						+ "'billing'. Aliases: [main].");
				assertThat(failure.getAction()).contains("add temporal.namespaces.billing");
			});
	}

	@Test
	void aQueueUnknownInTheNamespaceIsReportedWithItsNamespace() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.identity=x",
				"temporal.namespaces.billing.namespace=billing")
			.withUserConfiguration(BillingFixtures.class)
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).startsWith("Task queue 'greetings' in namespace billing is named by "
						+ "@WorkflowImpl bean")
					.endsWith("but no worker is configured for that queue. Configured task queues in namespace billing: [].");
				assertThat(failure.getAction()).endsWith("""
						temporal:
						  workers:
						    billing-greetings: { namespace: billing, task-queue: greetings }
						""");
			});
	}

	@Test
	void theSameTypeTwiceOnAQueueOfOneNamespaceFailsNamingIt() {
		twoNamespaces().withUserConfiguration(GreetingFixtures.class, SecondGreetingInBilling.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("Task queue 'greetings' (namespace billing) has two "
					+ "implementations of workflow type 'Greet'");
		});
	}

	@Test
	void oneQueueTwiceInOneNamespaceFailsButOncePerNamespaceIsFine() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.namespaces.billing.namespace=billing",
				"temporal.workers.a.task-queue=orders", "temporal.workers.b.task-queue=orders",
				"temporal.workers.b.namespace=billing")
			.run((context) -> assertThat(context).hasNotFailed());
		runner().withPropertyValues("temporal.target=embedded", "temporal.namespaces.billing.namespace=billing",
				"temporal.workers.a.task-queue=orders", "temporal.workers.a.namespace=billing",
				"temporal.workers.b.task-queue=orders", "temporal.workers.b.namespace=billing")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.isEqualTo("Entries temporal.workers.a and temporal.workers.b both poll task queue 'orders' in "
						+ "namespace billing."));
	}

	@Test
	void theAliasMainIsReservedAndEmbeddedTakesNoSecondConnection() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.namespaces.main.namespace=x")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("uses the alias 'main', which stands for the main namespace"));
		runner().withPropertyValues("temporal.target=embedded", "temporal.namespaces.billing.target=localhost:7233")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("Namespace billing (temporal.namespaces.billing) has a connection of its own, but "
						+ "temporal.target is 'embedded'"));
	}

	@Test
	void aFurtherNamespaceWithItsOwnTargetHasItsOwnStubs() {
		runner().withPropertyValues("temporal.target=localhost:7233", "temporal.namespaces.billing.target=127.0.0.1:7299",
				"temporal.namespaces.billing.connection.rpc-timeout=3s")
			.withUserConfiguration(Clients.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Clients clients = context.getBean(Clients.class);
				assertThat(clients.billingStubs).isNotSameAs(context.getBean(WorkflowServiceStubs.class));
				assertThat(clients.billingStubs.getOptions().getTarget()).isEqualTo("127.0.0.1:7299");
				assertThat(clients.billingStubs.getOptions().getRpcTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(clients.billing.getWorkflowServiceStubs().getOptions().getTarget()).isEqualTo("127.0.0.1:7299");
			});
		runner().withPropertyValues("temporal.target=localhost:7233", "temporal.namespaces.billing.target=nowhere")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.isEqualTo("Property temporal.namespaces.billing.target has the value 'nowhere', which is not host:port."));
	}

	private static String run(WorkflowClient client, String type, String id, String input) {
		WorkflowStub stub = client.newUntypedWorkflowStub(type, WorkflowOptions.newBuilder()
			.setTaskQueue("greetings")
			.setWorkflowId(id)
			.setWorkflowRunTimeout(Duration.ofSeconds(30))
			.build());
		stub.start(input);
		return stub.getResult(String.class);
	}

	private static boolean exists(WorkflowClient client, String workflowId) {
		try {
			client.getWorkflowServiceStubs()
				.blockingStub()
				.describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
					.setNamespace(client.getOptions().getNamespace())
					.setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
					.build());
			return true;
		}
		catch (io.grpc.StatusRuntimeException ex) {
			assertThat(ex.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Clients {

		final WorkflowClient main;

		final WorkflowClient billing;

		final ScheduleClient billingSchedules;

		final WorkerFactory billingFactory;

		final WorkflowServiceStubs billingStubs;

		Clients(WorkflowClient main, @Qualifier("billing") WorkflowClient billing,
				@Qualifier("billing") ScheduleClient billingSchedules,
				@Qualifier("billing") org.springframework.beans.factory.ObjectProvider<WorkerFactory> billingFactory,
				@Qualifier("billing") WorkflowServiceStubs billingStubs) {
			this.main = main;
			this.billing = billing;
			this.billingSchedules = billingSchedules;
			this.billingFactory = billingFactory.getIfAvailable();
			this.billingStubs = billingStubs;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamespaceIdentity {

		@Bean
		WorkerOptionsCustomizer namespaceIdentity() {
			return new WorkerOptionsCustomizer() {

				@Override
				public void customize(String taskQueue, WorkerOptions.Builder builder) {
					throw new AssertionError("the namespace-aware method is the one called");
				}

				@Override
				public void customize(String namespace, String taskQueue, WorkerOptions.Builder builder) {
					builder.setIdentity(namespace + "/" + taskQueue);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.context.annotation.Import(SecondGreetingInBilling.BillingGreeting.class)
	static class SecondGreetingInBilling {

		@io.github.workerstarter.annotation.WorkflowImpl(taskQueues = "greetings", namespaces = "billing")
		public static class BillingGreeting implements io.github.workerstarter.fixtures.greeting.GreetingWorkflow {

			@Override
			public String greet(String name) {
				return "billing " + name;
			}

		}

	}

}
