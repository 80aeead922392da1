package io.github.workerstarter.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A payload that another implementation of the convention encrypted decodes here. The file
 * {@code encryption/typescript-sample-payloads.json} was written once by the encryption codec of Temporal's TypeScript
 * sample ({@code temporalio/samples-typescript}, {@code encryption/src/encryption-codec.ts} and {@code crypto.ts} at
 * commit 2a44e1339782034c2118277d0314209ab93ccf7c, compiled unchanged, on Node 20's WebCrypto with
 * {@code @temporalio/common} and {@code @temporalio/proto} 1.24.0): {@code EncryptionCodec.create("test-key-id")}, whose
 * key is the samples' fixed test key {@code test-key-test-key-test-key-test!} (the Go, Java and Python samples use the
 * same one), encoding the TypeScript SDK's default JSON payload of
 * {@code {cardHolder: "Jane Doe", card: "4111 1111 1111 1111"}}, printed as the protobuf JSON a codec server receives.
 * It has no {@code encryption-cipher} metadata (only the Java sample writes it).
 */
class TemporalSamplesTestVectorTests {

	private static final SecretKeySpec SAMPLES_KEY = new SecretKeySpec(
			"test-key-test-key-test-key-test!".getBytes(StandardCharsets.UTF_8), "AES");

	@Test
	void payloadEncryptedByTheTypeScriptSampleDecodes() throws IOException {
		Payload encrypted = vector().getPayloads(0);
		AesGcmPayloadCodec codec = new AesGcmPayloadCodec(
				PayloadEncryptionKeyRing.of("test-key-id", Map.of("test-key-id", SAMPLES_KEY)));

		Payload decoded = codec.decode(List.of(encrypted)).get(0);

		assertThat(encrypted.getMetadataMap()).doesNotContainKey("encryption-cipher");
		assertThat(decoded.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("json/plain");
		assertThat(decoded.getData().toStringUtf8()).isEqualTo("{\"cardHolder\":\"Jane Doe\",\"card\":\"4111 1111 1111 1111\"}");
		@SuppressWarnings("unchecked")
		Map<String, String> value = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(decoded, Map.class, Map.class);
		assertThat(value).containsEntry("cardHolder", "Jane Doe");
	}

	@Test
	void theVectorDoesNotDecodeUnderAnotherKey() throws IOException {
		AesGcmPayloadCodec codec = new AesGcmPayloadCodec(PayloadEncryptionKeyRing.of("test-key-id",
				Map.of("test-key-id", AesGcmPayloadCodecTests.KEY_A)));
		assertThat(catchThrowable(() -> codec.decode(List.of(vector().getPayloads(0)))))
			.isInstanceOf(PayloadDecryptionException.class)
			.hasMessageContaining("failed AES-GCM authentication");
	}

	private static Payloads vector() throws IOException {
		try (InputStream in = TemporalSamplesTestVectorTests.class
			.getResourceAsStream("/encryption/typescript-sample-payloads.json")) {
			Payloads.Builder payloads = Payloads.newBuilder();
			JsonFormat.parser().merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), payloads);
			return payloads.build();
		}
	}

}
