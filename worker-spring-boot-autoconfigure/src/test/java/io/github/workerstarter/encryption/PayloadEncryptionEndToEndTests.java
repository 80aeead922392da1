package io.github.workerstarter.encryption;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.github.workerstarter.TemporalTestSupport;
import io.github.workerstarter.fixtures.card.CardFixtures;
import io.github.workerstarter.fixtures.card.CardPaymentWorkflow;
import io.github.workerstarter.fixtures.card.CardPayments;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Encryption end to end, against the SDK's test server in its own JVM (one for the class; each test on task queues of
 * its own): what the server stores, rotation across a restart, and payloads that must not decode.
 */
class PayloadEncryptionEndToEndTests {

	static final String CARD = "Jane Doe 4111-1111-1111-1111";

	static final SecretKey KEY_A = TestKeys.key(101);

	static final SecretKey KEY_B = TestKeys.key(102);

	static final SecretKey KEY_X = TestKeys.key(103);

	private static TestServerProcess server;

	@BeforeAll
	static void startServer() {
		server = TestServerProcess.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void theServerStoresNoPieceOfTheInputAndTheWorkflowCompletes() {
		runner("e2e-history", "key-a:" + TestKeys.base64(KEY_A)).run((context) -> {
			CardPaymentWorkflow workflow = stub(context, "e2e-history", "card-encrypted");
			WorkflowClient.start(workflow::pay, CARD);
			workflow.confirm("confirmed for " + CARD);

			assertThat(WorkflowStub.fromTyped(workflow).getResult(10, TimeUnit.SECONDS, String.class))
				.isEqualTo("charged " + CARD + "; confirmed for " + CARD);
			History history = history(context, "card-encrypted");
			assertThat(CardPayments.payloads(history)).hasSizeGreaterThanOrEqualTo(5)
				.allSatisfy((payload) -> assertThat(payload.getMetadataOrThrow("encoding").toStringUtf8())
					.isEqualTo("binary/encrypted"));
			assertThat(piecesOfTheInputIn(history)).isEmpty();

			// the control: the same check finds the input in a history a client without the codec wrote
			WorkflowClient plainClient = WorkflowClient.newInstance(context.getBean(WorkflowServiceStubs.class),
					WorkflowClientOptions.newBuilder().build());
			plainClient.newUntypedWorkflowStub("CardPayment", options("e2e-history", "card-plain")).start(CARD);
			assertThat(piecesOfTheInputIn(history(context, "card-plain"))).isNotEmpty();
			existing(context, "card-plain").terminate("control done");
		});
	}

	@Test
	void aWorkflowStartedUnderKeyACompletesAfterTheActiveKeyBecomesB() {
		runner("e2e-rotation", "key-a:" + TestKeys.base64(KEY_A)).run((context) -> {
			WorkflowClient.start(stub(context, "e2e-rotation", "card-rotation")::pay, CARD);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> events(context, "card-rotation").contains(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED));
		});
		runner("e2e-rotation", "key-a:" + TestKeys.base64(KEY_A), "key-b:" + TestKeys.base64(KEY_B))
			.withPropertyValues("temporal.payloads.encryption.active-key-id=key-b")
			.run((context) -> {
				CardPaymentWorkflow workflow = running(context, "card-rotation");
				workflow.confirm("confirmed after rotation");

				assertThat(WorkflowStub.fromTyped(workflow).getResult(20, TimeUnit.SECONDS, String.class))
					.isEqualTo("charged " + CARD + "; confirmed after rotation");
				assertThat(keyIds(history(context, "card-rotation"))).containsExactly("key-a", "key-b");
			});
	}

	@Test
	void aPayloadUnderAnUnknownKeyFailsTheWorkflowTaskNamingTheKeyUntilTheKeyIsAdded() {
		runner("e2e-unknown", "key-b:" + TestKeys.base64(KEY_B)).run((context) -> {
			foreignClient(context, new AesGcmPayloadCodec(PayloadEncryptionKeyRing.of("key-x",
					Map.of("key-x", KEY_X))))
				.newUntypedWorkflowStub("CardPayment", options("e2e-unknown", "card-unknown-key"))
				.start(CARD);

			assertThat(workflowTaskFailure(context, "card-unknown-key"))
				.contains("Payload is encrypted with key id 'key-x', which is not in this application's key ring "
						+ "[key-b]");
			assertThat(events(context, "card-unknown-key")).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
					EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
		});
		// the SDK retries the task: with the key added, the same workflow goes on
		runner("e2e-unknown", "key-b:" + TestKeys.base64(KEY_B), "key-x:" + TestKeys.base64(KEY_X))
			.withPropertyValues("temporal.payloads.encryption.active-key-id=key-b")
			.run((context) -> {
				CardPaymentWorkflow workflow = running(context, "card-unknown-key");
				workflow.confirm("key added");
				assertThat(WorkflowStub.fromTyped(workflow).getResult(30, TimeUnit.SECONDS, String.class))
					.isEqualTo("charged " + CARD + "; key added");
			});
	}

	@Test
	void aTamperedPayloadFailsTheWorkflowTaskNamingTheKeyAndIsNeverDecoded() {
		runner("e2e-tampered", "key-b:" + TestKeys.base64(KEY_B)).run((context) -> {
			AesGcmPayloadCodec codec = new AesGcmPayloadCodec(
					PayloadEncryptionKeyRing.of("key-b", Map.of("key-b", KEY_B)));
			PayloadCodec tampering = new PayloadCodec() {

				@Override
				public List<Payload> encode(List<Payload> payloads) {
					return codec.encode(payloads).stream().map(PayloadEncryptionEndToEndTests::flipOneBit).toList();
				}

				@Override
				public List<Payload> decode(List<Payload> payloads) {
					return codec.decode(payloads);
				}

			};
			foreignClient(context, tampering).newUntypedWorkflowStub("CardPayment", options("e2e-tampered", "card-tampered"))
				.start(CARD);

			assertThat(workflowTaskFailure(context, "card-tampered"))
				.contains("Payload under key id 'key-b' failed AES-GCM authentication");
			assertThat(events(context, "card-tampered")).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
			existing(context, "card-tampered").terminate("tampered");
		});
	}

	private static ApplicationContextRunner runner(String queue, String... keys) {
		List<String> properties = new ArrayList<>(List.of("temporal.target=" + server.target(), "card.queue=" + queue,
				"temporal.workers." + queue + ".identity=" + queue, "temporal.payloads.encryption.enabled=true"));
		for (String key : keys) {
			String[] idAndSecret = key.split(":", 2);
			properties.add("temporal.payloads.encryption.keys." + idAndSecret[0] + ".secret=" + idAndSecret[1]);
		}
		return TemporalTestSupport.runner()
			.withConfiguration(AutoConfigurations.of(PayloadEncryptionAutoConfiguration.class))
			.withUserConfiguration(CardFixtures.class)
			.withPropertyValues(properties.toArray(String[]::new));
	}

	private static WorkflowOptions options(String queue, String workflowId) {
		// a task handed to a poll that a closing context cancels waits out this timeout (the SDK's test server has no
		// graceful poll shutdown): short, so the restarted worker gets it soon
		return WorkflowOptions.newBuilder(CardPayments.options(queue, workflowId))
			.setWorkflowTaskTimeout(Duration.ofSeconds(3))
			.build();
	}

	private static CardPaymentWorkflow stub(ApplicationContext context, String queue, String workflowId) {
		return context.getBean(WorkflowClient.class).newWorkflowStub(CardPaymentWorkflow.class, options(queue, workflowId));
	}

	private static CardPaymentWorkflow running(ApplicationContext context, String workflowId) {
		return context.getBean(WorkflowClient.class).newWorkflowStub(CardPaymentWorkflow.class, workflowId);
	}

	private static WorkflowStub existing(ApplicationContext context, String workflowId) {
		return context.getBean(WorkflowClient.class).newUntypedWorkflowStub(workflowId);
	}

	/** A client of another application on the same server, whose payloads this application's worker must read. */
	private static WorkflowClient foreignClient(ApplicationContext context, PayloadCodec codec) {
		return WorkflowClient.newInstance(context.getBean(WorkflowServiceStubs.class), WorkflowClientOptions.newBuilder()
			.setDataConverter(new CodecDataConverter(DefaultDataConverter.STANDARD_INSTANCE, List.of(codec)))
			.build());
	}

	/** The first failed workflow task's failure as the application reads it (encrypted in history), every cause. */
	private static String workflowTaskFailure(ApplicationContext context, String workflowId) {
		HistoryEvent failed = await().atMost(Duration.ofSeconds(20))
			.until(() -> history(context, workflowId).getEventsList()
				.stream()
				.filter(HistoryEvent::hasWorkflowTaskFailedEventAttributes)
				.findFirst()
				.orElse(null), (event) -> event != null);
		Throwable exception = context.getBean(WorkflowClient.class)
			.getOptions()
			.getDataConverter()
			.failureToException(failed.getWorkflowTaskFailedEventAttributes().getFailure());
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private static History history(ApplicationContext context, String workflowId) {
		return CardPayments.history(context, workflowId);
	}

	private static List<EventType> events(ApplicationContext context, String workflowId) {
		return history(context, workflowId).getEventsList().stream().map(HistoryEvent::getEventType).toList();
	}

	/**
	 * The pieces of six characters of the input found anywhere in the history as the server sends it (payload data is
	 * raw bytes there, so a JSON payload in the clear shows as its text).
	 */
	static Set<String> piecesOfTheInputIn(History history) {
		String stored = new String(history.toByteArray(), StandardCharsets.ISO_8859_1);
		Set<String> found = new TreeSet<>();
		for (int i = 0; i + 6 <= CARD.length(); i++) {
			String piece = CARD.substring(i, i + 6);
			if (stored.contains(piece)) {
				found.add(piece);
			}
		}
		return found;
	}

	private static List<String> keyIds(History history) {
		return CardPayments.payloads(history).stream()
			.map((payload) -> payload.getMetadataOrThrow("encryption-key-id").toStringUtf8())
			.distinct()
			.sorted()
			.toList();
	}

	private static Payload flipOneBit(Payload payload) {
		byte[] data = payload.getData().toByteArray();
		data[data.length / 2] ^= 1;
		return payload.toBuilder().setData(ByteString.copyFrom(data)).build();
	}

}
