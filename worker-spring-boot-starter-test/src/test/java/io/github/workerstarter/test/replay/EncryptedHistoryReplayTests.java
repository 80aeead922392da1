package io.github.workerstarter.test.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.workerstarter.test.replay.ReplayResult.Outcome;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With temporal.payloads.encryption on, tests run encrypted: the test environment's server stores only ciphertext, the
 * replay check after each test decodes it with the application's key ring, and an encrypted corpus of exported
 * histories replays in one line. A history under a key the ring lacks fails naming the key id.
 */
@SpringBootTest(classes = ParcelApplication.class,
		properties = { ParcelApplication.WORKER, "temporal.payloads.encryption.enabled=true",
				"temporal.payloads.encryption.keys.parcel-2026.secret=" + EncryptedHistoryReplayTests.KEY })
class EncryptedHistoryReplayTests {

	/** A test key (openssl rand -base64 32): never a key that protects anything. */
	static final String KEY = "j1PhPrB1U2yw+mm+sTTGGjq3pFlxXi9JDSQ7H6oBraw=";

	private static final Path EXPORTED = Path.of("src/test/resources/histories/encrypted/parcel-e-1.json");

	@Autowired
	WorkflowHistoryReplayer replayer;

	@Autowired
	ProducedHistoriesCheck producedHistories;

	@Autowired
	WorkflowClient client;

	@Autowired
	WorkflowServiceStubs stubs;

	@Test
	void theTestEnvironmentStoresCiphertextAndTheReplayCheckReadsIt() {
		assertThat(ReplayCheckTests.processParcel(this.client, "parcel-encrypted")).isEqualTo("shipped p-1");

		History stored = this.client.fetchHistory("parcel-encrypted").getHistory();
		Payload input = stored.getEvents(0).getWorkflowExecutionStartedEventAttributes().getInput().getPayloads(0);
		assertThat(input.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
		assertThat(input.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("parcel-2026");
		assertThat(new String(stored.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("p-1\"");
		assertThat(this.producedHistories.checkNewHistories()).filteredOn((result) -> result.workflowId().equals("parcel-encrypted"))
			.singleElement()
			.extracting(ReplayResult::outcome)
			.isEqualTo(Outcome.REPLAYED);
	}

	@Test
	void anEncryptedCorpusReplays() throws Exception {
		// -DrecordHistories=true records the file again from this code and key (it is committed)
		if (Boolean.getBoolean("recordHistories")) {
			ReplayCheckTests.processParcel(this.client, "parcel-e-1");
			Files.createDirectories(EXPORTED.getParent());
			Files.writeString(EXPORTED, JsonFormat.printer().print(this.client.fetchHistory("parcel-e-1").getHistory()));
		}
		assertThat(Files.readString(EXPORTED)).contains("YmluYXJ5L2VuY3J5cHRlZA==").doesNotContain("\"p-1\"");

		assertThat(this.replayer.assertReplays("classpath:histories/encrypted/*.json")).singleElement()
			.satisfies((result) -> assertThat(result.outcome()).isEqualTo(Outcome.REPLAYED));
	}

	@Test
	void aHistoryUnderAKeyTheRingLacksFailsNamingTheKey() throws Exception {
		History.Builder history = History.newBuilder();
		JsonFormat.parser().merge(Files.readString(EXPORTED), history);
		// the same ciphertext, labelled with a key this application no longer has
		for (HistoryEvent.Builder event : history.getEventsBuilderList()) {
			if (event.hasWorkflowExecutionStartedEventAttributes()) {
				Payloads.Builder input = event.getWorkflowExecutionStartedEventAttributesBuilder().getInputBuilder();
				input.setPayloads(0, input.getPayloads(0)
					.toBuilder()
					.putMetadata("encryption-key-id", ByteString.copyFromUtf8("parcel-2025")));
			}
		}

		ReplayResult result = this.replayer.replay(new WorkflowExecutionHistory(history.build(), "parcel-e-1"),
				"parcel-e-1.json");

		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.describe()).contains("Payload is encrypted with key id 'parcel-2025', which is not in this "
				+ "application's key ring [parcel-2026]");
	}

}
