package io.github.workerstarter.test.replay;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.workerstarter.test.replay.ReplayResult.Outcome;
import io.temporal.client.WorkflowClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A history exported as JSON (the Temporal CLI's {@code temporal workflow show --output json} format, committed under
 * {@code src/test/resources/histories}) replays with one line: green against the code that recorded it, red against
 * the changed code, naming the file, the workflow type and the first mismatching event.
 */
@SpringBootTest(classes = ParcelApplication.class, properties = ParcelApplication.WORKER)
class ExportedHistoryReplayTests {

	private static final Path EXPORTED = Path.of("src/test/resources/histories/parcel-p-1.json");

	@Autowired
	WorkflowHistoryReplayer replayer;

	@Autowired
	WorkflowClient client;

	@AfterEach
	void restoreTheRecordingCode() {
		ParcelWorkflowImpl.changedCode = false;
	}

	@Test
	void theExportedHistoryReplaysAgainstTheCodeThatRecordedIt() throws Exception {
		// -DrecordHistories=true records the file again from this code (it is committed)
		if (Boolean.getBoolean("recordHistories")) {
			ReplayCheckTests.processParcel(this.client, "parcel-p-1");
			Files.writeString(EXPORTED, JsonFormat.printer().print(this.client.fetchHistory("parcel-p-1").getHistory()));
		}

		assertThat(this.replayer.assertReplays("classpath:histories/parcel-*.json")).singleElement()
			.satisfies((result) -> {
				assertThat(result.outcome()).isEqualTo(Outcome.REPLAYED);
				assertThat(result.workflowType()).isEqualTo("ParcelWorkflow");
			});
	}

	@Test
	void theExportedHistoryFailsAgainstTheChangedCode() {
		ParcelWorkflowImpl.changedCode = true;

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.replayer.assertReplays("classpath:histories/parcel-*.json"))
			.withMessageStartingWith("1 workflow history does not replay against the current code")
			// exported from the SDK's test server, which records no workflow id in the history: the file says which
			.withMessageContaining(" - parcel-p-1.json (type ParcelWorkflow): does not replay")
			.withMessageContaining("first mismatch at event #5 ACTIVITY_TASK_SCHEDULED (activity Pack)");
	}

	@Test
	void aPatternThatMatchesNoFileFailsRatherThanPassingEmpty() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.replayer.assertReplays("classpath:histories/no-such-*.json"))
			.withMessageContaining("No workflow history matches 'classpath:histories/no-such-*.json'");
	}

}
