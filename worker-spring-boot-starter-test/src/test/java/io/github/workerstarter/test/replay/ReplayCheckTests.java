package io.github.workerstarter.test.replay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The replay check the test module runs after every Spring test: a test whose workflow no longer replays against the
 * code (here: an activity call added before an existing one after the workflow ran) fails, naming the workflow, its
 * type and the first mismatching event; the same test passes when the code did not change, and with the check
 * switched off. Each case is a test class run inside this one (JUnit's test kit), as the build would run it.
 */
class ReplayCheckTests {

	@AfterEach
	void restoreTheRecordingCode() {
		ParcelWorkflowImpl.changedCode = false;
	}

	@Test
	void aWorkflowChangedAfterItRanFailsTheTestThatProducedIt() {
		Events tests = run(CodeChangesAfterTheWorkflowRan.class);

		assertThat(tests.failed().count()).isEqualTo(1);
		Throwable failure = tests.failed()
			.stream()
			.findFirst()
			.orElseThrow()
			.getRequiredPayload(TestExecutionResult.class)
			.getThrowable()
			.orElseThrow();
		assertThat(failure).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("1 workflow history produced by CodeChangesAfterTheWorkflowRan.runsAWorkflowThenTheCodeChanges")
			.hasMessageContaining("Workflow 'parcel-changed' (type ParcelWorkflow")
			.hasMessageContaining("first mismatch at event #5 ACTIVITY_TASK_SCHEDULED (activity Pack)")
			.hasMessageContaining("expected value 'name: \"Audit\"")
			.hasMessageContaining("temporal.test.replay.enabled=false");
	}

	@Test
	void anUnchangedWorkflowPasses() {
		Events tests = run(CodeStaysTheSame.class);

		assertThat(tests.succeeded().count()).isEqualTo(1);
		assertThat(tests.failed().count()).isZero();
	}

	@Test
	void thePropertySwitchesTheCheckOff() {
		Events tests = run(CheckSwitchedOff.class);

		assertThat(tests.succeeded().count()).isEqualTo(1);
		assertThat(tests.failed().count()).isZero();
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	static String processParcel(WorkflowClient client, String workflowId) {
		return client
			.newWorkflowStub(ParcelWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue("parcels").setWorkflowId(workflowId).build())
			.process("p-1");
	}

	@SpringBootTest(classes = ParcelApplication.class, properties = ParcelApplication.WORKER)
	static class CodeChangesAfterTheWorkflowRan {

		@Autowired
		WorkflowClient client;

		@Test
		void runsAWorkflowThenTheCodeChanges() {
			assertThat(processParcel(this.client, "parcel-changed")).isEqualTo("shipped p-1");
			ParcelWorkflowImpl.changedCode = true;
		}

	}

	@SpringBootTest(classes = ParcelApplication.class, properties = ParcelApplication.WORKER)
	static class CodeStaysTheSame {

		@Autowired
		WorkflowClient client;

		@Test
		void runsAWorkflow() {
			assertThat(processParcel(this.client, "parcel-unchanged")).isEqualTo("shipped p-1");
		}

	}

	@SpringBootTest(classes = ParcelApplication.class,
			properties = { ParcelApplication.WORKER, "temporal.test.replay.enabled=false" })
	static class CheckSwitchedOff {

		@Autowired
		WorkflowClient client;

		@Test
		void runsAWorkflowThenTheCodeChanges() {
			assertThat(processParcel(this.client, "parcel-unchecked")).isEqualTo("shipped p-1");
			ParcelWorkflowImpl.changedCode = true;
		}

	}

}
