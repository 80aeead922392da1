package io.github.workerstarter.test.replay;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Recording a replay corpus takes one property: {@code temporal.test.replay.record-to} writes every history a test
 * produced to {@code <workflowId>.json}, which replays with one line; against changed code the replay failure names
 * the file once, with the workflow id and type from the history. Each recording test runs inside this one (JUnit's
 * test kit), as a build would run it, into a folder of its own.
 */
@SpringBootTest(classes = ParcelApplication.class, properties = ParcelApplication.WORKER)
class ReplayCorpusRecordingTests {

	/** Where the inner tests record; a placeholder their properties resolve. */
	static final String FOLDER = "replay-recording.folder";

	@Autowired
	WorkflowHistoryReplayer replayer;

	@AfterEach
	void restoreTheRecordingCode() {
		ParcelWorkflowImpl.changedCode = false;
		System.clearProperty(FOLDER);
	}

	@Test
	void theHistoriesATestProducedAreWrittenAndReplay(@TempDir Path folder) throws Exception {
		Events tests = runRecording(RecordsItsHistories.class, folder);

		assertThat(tests.succeeded().count()).isEqualTo(1);
		Path recorded = folder.resolve("parcel-recorded.json");
		assertThat(recorded).exists();
		WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(recorded));
		// the test server leaves the started event's workflow id empty; the recording fills it, as a server does
		assertThat(history.getWorkflowExecution().getWorkflowId()).isEqualTo("parcel-recorded");

		assertThat(this.replayer.assertReplays("file:" + folder + "/*.json")).singleElement()
			.satisfies((result) -> assertThat(result.workflowType()).isEqualTo("ParcelWorkflow"));

		ParcelWorkflowImpl.changedCode = true;
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.replayer.assertReplays("file:" + folder + "/*.json"))
			.withMessageStartingWith("1 workflow history does not replay against the current code:\n"
					+ " - parcel-recorded.json (workflow 'parcel-recorded', type ParcelWorkflow): does not replay "
					+ "against the current code: first mismatch at event #5 ACTIVITY_TASK_SCHEDULED (activity Pack).");
	}

	@Test
	void recordingWorksWithTheReplayCheckSwitchedOff(@TempDir Path folder) {
		Events tests = runRecording(RecordsWithoutReplaying.class, folder);

		assertThat(tests.succeeded().count()).isEqualTo(1);
		assertThat(folder.resolve("parcel-recorded-only.json")).exists();
	}

	private static Events runRecording(Class<?> testClass, Path folder) {
		System.setProperty(FOLDER, folder.toString());
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	@SpringBootTest(classes = ParcelApplication.class,
			properties = { ParcelApplication.WORKER, "temporal.test.replay.record-to=${" + FOLDER + "}" })
	static class RecordsItsHistories {

		@Autowired
		WorkflowClient client;

		@Test
		void runsAWorkflow() {
			assertThat(ReplayCheckTests.processParcel(this.client, "parcel-recorded")).isEqualTo("shipped p-1");
		}

	}

	@SpringBootTest(classes = ParcelApplication.class, properties = { ParcelApplication.WORKER,
			"temporal.test.replay.enabled=false", "temporal.test.replay.record-to=${" + FOLDER + "}" })
	static class RecordsWithoutReplaying {

		@Autowired
		WorkflowClient client;

		@Test
		void runsAWorkflow() {
			assertThat(ReplayCheckTests.processParcel(this.client, "parcel-recorded-only")).isEqualTo("shipped p-1");
		}

	}

}
