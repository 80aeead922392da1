package io.github.workerstarter.test.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test written before the test module was added, for {@code temporal.target: embedded}: it injects the
 * {@code EmbeddedTemporalServer} and reaches the server through its channel (to create a Nexus endpoint, say). With
 * the test module on the class path it still starts: the bean is there, backed by the test environment's server.
 */
@SpringBootTest(properties = "temporal.target=embedded")
class EmbeddedServerTestWrittenBeforeTheModuleTests {

	@Autowired
	EmbeddedTemporalServer server;

	@Autowired
	WorkflowClient client;

	@Autowired
	TestWorkflowEnvironment testEnvironment;

	@Test
	void theInjectedServerIsTheOneTheWorkersRunOn() {
		String tracking = this.client
			.newWorkflowStub(ShipmentWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId("parcel-embedded").build())
			.ship("p-embedded");
		assertThat(tracking).isEqualTo("TRK-p-embedded");

		WorkflowServiceStubs throughTheServer = WorkflowServiceStubs.newServiceStubs(
				WorkflowServiceStubsOptions.newBuilder().setChannel(this.server.channel()).validateAndBuildWithDefaults());
		WorkflowExecutionStatus status = throughTheServer.blockingStub()
			.describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
				.setNamespace(this.client.getOptions().getNamespace())
				.setExecution(WorkflowExecution.newBuilder().setWorkflowId("parcel-embedded"))
				.build())
			.getWorkflowExecutionInfo()
			.getStatus();
		assertThat(status).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
		assertThat(this.server.channel()).isSameAs(this.testEnvironment.getWorkflowServiceStubs().getRawChannel());
	}

}
