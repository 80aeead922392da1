package io.github.workerstarter.test.app;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import io.github.workerstarter.test.await.WorkflowAwait;
import io.github.workerstarter.test.slice.TemporalWorkerTest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Waiting for a result, a query answer or a status without sleeps; a timeout names what was awaited and where the
 * workflow is.
 */
@TemporalWorkerTest
class WorkflowAwaitTests {

	@Autowired
	WorkflowClient client;

	@Autowired
	WorkflowAwait await;

	@Autowired
	TestWorkflowEnvironment testEnvironment;

	@Test
	void resultOfAStartedWorkflowSkipsItsTimer() {
		ShipmentWorkflow shipment = shipment("await-result");
		WorkflowClient.start(shipment::ship, "p-1");
		assertThat(this.await.result(shipment, String.class)).isEqualTo("TRK-p-1");
	}

	@Test
	void theResultOfAWorkflowThatHasCompletedDoesNotMoveTheClock() {
		assertThat(shipment("await-completed").ship("p-5")).isEqualTo("TRK-p-5");
		long before = this.testEnvironment.currentTimeMillis();

		for (int i = 0; i < 3; i++) {
			assertThat(this.await.result("await-completed", String.class)).isEqualTo("TRK-p-5");
		}

		// letting the test server skip time here would take it to a timer it keeps for each activity: 10 years ahead
		assertThat(Duration.ofMillis(this.testEnvironment.currentTimeMillis() - before)).isLessThan(Duration.ofDays(1));
	}

	@Test
	void queryAndStatusSeeTheStateInFrontOfATimerUntilTheTestMovesTime() {
		WorkflowClient.start(shipment("await-query")::ship, "p-2");
		// polling does not skip time: the workflow stays at its timer for the test to see
		assertThat(this.await.query("await-query", ShipmentWorkflow.class, ShipmentWorkflow::status,
				"WAITING_FOR_PICKUP"::equals)).isEqualTo("WAITING_FOR_PICKUP");

		this.testEnvironment.sleep(Duration.ofHours(24));

		assertThat(this.await.status("await-query", WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED))
			.isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
	}

	@Test
	// a workflow task no worker takes keeps the test server from skipping time: this context is done after it
	@DirtiesContext
	void aResultThatDoesNotComeNamesTheWorkflowAndWhereItWaits() {
		WorkflowStub stranded = this.client.newUntypedWorkflowStub("ShipmentWorkflow",
				WorkflowOptions.newBuilder().setTaskQueue("nobody-polls").setWorkflowId("await-stranded").build());
		stranded.start("p-3");
		try {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.await.within(Duration.ofMillis(500)).result("await-stranded", String.class))
				.withMessageContaining("Awaited the result of workflow 'await-stranded' for PT0.5S")
				.withMessageContaining("It is RUNNING (type ShipmentWorkflow, task queue 'nobody-polls')")
				.withMessageContaining("last event #2 WORKFLOW_TASK_SCHEDULED");
		}
		finally {
			stranded.terminate("test over");
		}
	}

	@Test
	void aQueryAnswerThatNeverMatchesNamesTheQueryAndTheLastAnswer() {
		ShipmentWorkflow shipment = shipment("await-never");
		WorkflowClient.start(shipment::ship, "p-4");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.await.within(Duration.ofMillis(500))
				.query("await-never", ShipmentWorkflow.class, ShipmentWorkflow::status, "LOST"::equals))
			.withMessageContaining("Awaited an answer of query 'status' of workflow 'await-never' that matches")
			.withMessageContaining("last answer: WAITING_FOR_PICKUP");
		assertThat(this.await.result(shipment, String.class)).isEqualTo("TRK-p-4");
	}

	private ShipmentWorkflow shipment(String workflowId) {
		return this.client.newWorkflowStub(ShipmentWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId(workflowId).build());
	}

}
