package io.github.workerstarter.encryption;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.TemporalTestSupport;
import io.github.workerstarter.fixtures.encryption.MountedSecretKeys;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the keys come from (a secret from the environment, an SSL bundle's key store, a provider bean), and that the
 * codec reaches the client's converter outermost, after the application's own codecs, failure messages included.
 */
class PayloadEncryptionAutoConfigurationTests {

	static final SecretKey KEY = TestKeys.key(11);

	@TempDir
	Path files;

	private final ApplicationContextRunner runner = TemporalTestSupport.runner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, PayloadEncryptionAutoConfiguration.class))
		// a client-only application: nothing contacts this target
		.withPropertyValues("temporal.target=127.0.0.1:1");

	@Test
	void offByDefault() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(PayloadCodec.class);
			assertThat(encoding(converter(context).toPayload("x").orElseThrow())).isEqualTo("json/plain");
		});
	}

	@Test
	void keyFromTheEnvironmentEncryptsEveryPayloadOfTheClient() {
		this.runner.withPropertyValues("temporal.payloads.encryption.enabled=true",
				"temporal.payloads.encryption.keys.k-2026-06.secret=${PAYLOAD_KEY}", "PAYLOAD_KEY=" + TestKeys.base64(KEY))
			.run((context) -> {
				Payload payload = converter(context).toPayload("card 4111").orElseThrow();
				assertThat(encoding(payload)).isEqualTo("binary/encrypted");
				assertThat(payload.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("k-2026-06");
				assertThat(decrypt(payload, KEY).getData().toStringUtf8()).isEqualTo("\"card 4111\"");
				assertThat(converter(context).fromPayload(payload, String.class, String.class)).isEqualTo("card 4111");
				assertThat(context.getBean(PayloadEncryptionKeyRing.class)).hasToString(
						"PayloadEncryptionKeyRing[active=k-2026-06, keys=[k-2026-06]]");
			});
	}

	@Test
	void keyFromASecretKeyEntryOfAnSslBundle() {
		Path store = TestKeys.pkcs12(this.files.resolve("payload-keys.p12"), "k1", KEY, "store-pass");
		this.runner.withPropertyValues("temporal.payloads.encryption.enabled=true",
				"temporal.payloads.encryption.keys.k1.ssl-bundle=payload-keys",
				"spring.ssl.bundle.jks.payload-keys.keystore.location=file:" + store,
				"spring.ssl.bundle.jks.payload-keys.keystore.password=store-pass",
				"spring.ssl.bundle.jks.payload-keys.keystore.type=PKCS12")
			.run((context) -> {
				Payload payload = converter(context).toPayload("x").orElseThrow();
				assertThat(payload.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("k1");
				assertThat(decrypt(payload, KEY).getData().toStringUtf8()).isEqualTo("\"x\"");
			});
	}

	@Test
	void keysWithoutASourceComeFromTheProviderBean() throws Exception {
		Files.writeString(this.files.resolve("vault-1"), TestKeys.base64(TestKeys.key(1)) + "\n");
		Files.writeString(this.files.resolve("vault-2"), TestKeys.base64(TestKeys.key(2)) + "\n");
		this.runner.withUserConfiguration(MountedSecretKeys.class)
			.withPropertyValues("payload-keys.directory=" + this.files, "temporal.payloads.encryption.enabled=true",
					"temporal.payloads.encryption.active-key-id=vault-2", "temporal.payloads.encryption.keys.vault-1=",
					"temporal.payloads.encryption.keys.vault-2=")
			.run((context) -> {
				assertThat(context.getBean(PayloadEncryptionKeyRing.class).keyIds()).containsExactly("vault-1", "vault-2");
				Payload payload = converter(context).toPayload("x").orElseThrow();
				assertThat(payload.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("vault-2");
				assertThat(decrypt(payload, TestKeys.key(2)).getData().toStringUtf8()).isEqualTo("\"x\"");
			});
	}

	@Test
	void theApplicationsOwnCodecsRunInsideTheEncryption() {
		this.runner.withUserConfiguration(MarkingCodec.class)
			.withPropertyValues("temporal.payloads.encryption.enabled=true",
					"temporal.payloads.encryption.keys.k1.secret=" + TestKeys.base64(KEY))
			.run((context) -> {
				Payload payload = converter(context).toPayload("x").orElseThrow();
				assertThat(encoding(payload)).isEqualTo("binary/encrypted");
				assertThat(decrypt(payload, KEY).getMetadataMap()).containsKey("marked");
				assertThat(converter(context).fromPayload(payload, String.class, String.class)).isEqualTo("x");
			});
	}

	@Test
	void failureMessagesAreEncryptedUnlessTurnedOff() {
		ApplicationContextRunner encrypting = this.runner.withPropertyValues("temporal.payloads.encryption.enabled=true",
				"temporal.payloads.encryption.keys.k1.secret=" + TestKeys.base64(KEY));
		encrypting.run((context) -> {
			Failure failure = converter(context).exceptionToFailure(new IllegalStateException("card 4111 declined"));
			assertThat(failure.getMessage()).isEqualTo("Encoded failure");
			assertThat(failure.getStackTrace()).isEmpty();
			assertThat(encoding(failure.getEncodedAttributes())).isEqualTo("binary/encrypted");
			assertThat(converter(context).failureToException(failure)).hasMessageContaining("card 4111 declined");
		});
		encrypting.withPropertyValues("temporal.payloads.encryption.encrypt-failure-messages=false")
			.run((context) -> assertThat(
					converter(context).exceptionToFailure(new IllegalStateException("card 4111 declined")).getMessage())
				.isEqualTo("card 4111 declined"));
	}

	@Test
	void compressionIsOffUnlessEnabled() {
		ApplicationContextRunner encrypting = this.runner.withPropertyValues("temporal.payloads.encryption.enabled=true",
				"temporal.payloads.encryption.keys.k1.secret=" + TestKeys.base64(KEY));
		String large = "line item; ".repeat(500);
		encrypting.run((context) -> assertThat(encoding(decrypt(converter(context).toPayload(large).orElseThrow(), KEY)))
			.isEqualTo("json/plain"));
		encrypting
			.withPropertyValues("temporal.payloads.encryption.compression.enabled=true",
					"temporal.payloads.encryption.compression.threshold=2KB")
			.run((context) -> {
				assertThat(encoding(decrypt(converter(context).toPayload(large).orElseThrow(), KEY)))
					.isEqualTo("binary/zlib");
				assertThat(encoding(decrypt(converter(context).toPayload("small").orElseThrow(), KEY)))
					.isEqualTo("json/plain");
			});
	}

	@Test
	void aMisspeltPropertyFailsWithTheRightName() {
		this.runner.withPropertyValues("temporal.payloads.encryption.enabled=true",
				"temporal.payloads.encryption.keys.k1.secret=" + TestKeys.base64(KEY),
				"temporal.payloads.encryption.active-key=k1")
			.run((context) -> assertThat(
					TemporalTestSupport.configurationFailure(context.getStartupFailure()).getAction())
				.contains("Did you mean 'temporal.payloads.encryption.active-key-id'?"));
	}

	static DataConverter converter(ApplicationContext context) {
		return context.getBean(WorkflowClient.class).getOptions().getDataConverter();
	}

	static String encoding(Payload payload) {
		return payload.getMetadataOrThrow("encoding").toStringUtf8();
	}

	/** The payload inside an encrypted one, read with the JDK's cipher and the samples' layout. */
	static Payload decrypt(Payload encrypted, SecretKey key) throws Exception {
		byte[] data = encrypted.getData().toByteArray();
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(data, 12)));
		return Payload.parseFrom(cipher.doFinal(data, 12, data.length - 12));
	}

	@Configuration(proxyBeanMethods = false)
	static class MarkingCodec {

		@Bean
		PayloadCodec markingCodec() {
			return new PayloadCodec() {

				@Override
				public List<Payload> encode(List<Payload> payloads) {
					return payloads.stream().map((p) -> p.toBuilder().putMetadata("marked", ByteString.EMPTY).build()).toList();
				}

				@Override
				public List<Payload> decode(List<Payload> payloads) {
					return payloads.stream().map((p) -> p.toBuilder().removeMetadata("marked").build()).toList();
				}

			};
		}

	}

}
