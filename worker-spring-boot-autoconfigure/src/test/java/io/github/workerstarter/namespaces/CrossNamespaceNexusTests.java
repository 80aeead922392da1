package io.github.workerstarter.namespaces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.github.workerstarter.fixtures.claims.nexus.NexusClaimsApplication;
import io.github.workerstarter.testing.Yaml;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.nexus.v1.Endpoint;
import io.temporal.api.operatorservice.v1.ListNexusEndpointsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's worked example of calling across namespaces, on the embedded server: the claims workflow in the main
 * namespace pays out through the Nexus endpoint {@code payouts}, created at startup, whose handler, the payout
 * workflow and its activity run in the payments namespace. The SDK's test server delivers a Nexus task to the
 * endpoint's task queue in the caller's namespace instead of the endpoint's target namespace, so the hop between the
 * two namespaces itself needs a real server; everything on either side of it runs here.
 */
class CrossNamespaceNexusTests {

	private static ApplicationContextRunner claims() throws IOException {
		String configuration = Files.readString(Path.of("src/test/resources/claims-nexus/application.yml"));
		return runner().withInitializer(Yaml.source("application.yml", configuration))
			.withUserConfiguration(NexusClaimsApplication.class);
	}

	@Test
	void theEndpointLeadsToThePaymentsNamespaceWhereTheHandlerAndThePayoutRun() throws IOException {
		claims().run((context) -> {
			assertThat(context).hasNotFailed();
			Endpoint endpoint = endpoints(context).getEndpoints(0);
			assertThat(endpoint.getSpec().getName()).isEqualTo("payouts");
			assertThat(endpoint.getSpec().getTarget().getWorker().getNamespace()).isEqualTo("payments");
			assertThat(endpoint.getSpec().getTarget().getWorker().getTaskQueue()).isEqualTo("payouts");
			RegisteredWorker payouts = worker(context.getBean(TemporalWorkerRegistry.class), "payouts");
			assertThat(payouts.namespaceName()).isEqualTo("payments");
			assertThat(payouts.nexusServices()).containsExactly("Payouts");
			assertThat(payouts.workflowTypes()).containsExactly("PayoutWorkflow");
			assertThat(payouts.activityTypes()).containsExactly("PayOut");
			assertThat(worker(context.getBean(TemporalWorkerRegistry.class), "claims").workflowTypes())
				.containsExactly("ClaimWorkflow");

			// the claims workflow calls the operation through the endpoint
			WorkflowClient main = context.getBean(WorkflowClient.class);
			start(main, "claim-c-7", "c-7");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> main.fetchHistory("claim-c-7")
					.getEvents()
					.stream()
					.anyMatch((event) -> event.getEventType() == EventType.EVENT_TYPE_NEXUS_OPERATION_SCHEDULED
							&& event.getNexusOperationScheduledEventAttributes().getEndpoint().equals("payouts")));
		});
	}

	@Test
	void theHandlerStartsThePayoutWorkflowInThePaymentsNamespace() throws IOException {
		// a caller inside the payments namespace: the one the test server delivers to that namespace's queue
		claims().withPropertyValues("temporal.workers.claims-in-payments.namespace=payments",
				"temporal.workers.claims-in-payments.task-queue=claims")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WorkflowClient payments = context.getBean("paymentsWorkflowClient", WorkflowClient.class);
				assertThat(start(payments, "claim-c-8", "c-8").getResult(30, java.util.concurrent.TimeUnit.SECONDS,
						String.class)).isEqualTo("paid c-8");
				// through the operation: a payout workflow of the payments namespace did the work
				assertThat(payments.newUntypedWorkflowStub("payout-c-8").getResult(String.class)).isEqualTo("paid c-8");
			});
	}

	private static WorkflowStub start(WorkflowClient client, String workflowId, String claimId) {
		WorkflowStub claim = client.newUntypedWorkflowStub("ClaimWorkflow",
				WorkflowOptions.newBuilder().setTaskQueue("claims").setWorkflowId(workflowId).build());
		claim.start(claimId);
		return claim;
	}

	private static io.temporal.api.operatorservice.v1.ListNexusEndpointsResponse endpoints(
			org.springframework.context.ApplicationContext context) {
		OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
			.setChannel(context.getBean(EmbeddedTemporalServer.class).channel())
			.validateAndBuildWithDefaults());
		try {
			return operator.blockingStub().listNexusEndpoints(ListNexusEndpointsRequest.newBuilder().setPageSize(10).build());
		}
		finally {
			operator.shutdown();
		}
	}

	private static RegisteredWorker worker(TemporalWorkerRegistry registry, String name) {
		return registry.workers().stream().filter((worker) -> worker.name().equals(name)).findFirst().orElseThrow();
	}

}
