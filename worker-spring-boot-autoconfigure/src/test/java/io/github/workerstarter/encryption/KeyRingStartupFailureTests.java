package io.github.workerstarter.encryption;

import java.nio.file.Path;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.TemporalTestSupport;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A key that is configured but cannot be loaded fails startup, naming the key id, where it was to come from and the
 * fix, through Boot's failure report; no message carries key material.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyRingStartupFailureTests {

	private static final String SECRET = TestKeys.base64(TestKeys.key(3));

	@TempDir
	Path files;

	private final ApplicationContextRunner runner = TemporalTestSupport.runner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, PayloadEncryptionAutoConfiguration.class))
		.withPropertyValues("temporal.target=127.0.0.1:1", "temporal.payloads.encryption.enabled=true");

	@Test
	void unloadableKeyIsReportedByTheFailureAnalyzerWithoutItsValue(CapturedOutput output) {
		String wrongLength = SECRET.substring(0, 24);
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--temporal.target=127.0.0.1:1",
				"--temporal.payloads.encryption.enabled=true",
				"--temporal.payloads.encryption.keys.k-2026-06.secret=" + wrongLength));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The secret of key 'k-2026-06' (temporal.payloads.encryption.keys.k-2026-06.secret) decodes to "
					+ "18 bytes; AES-256 needs 32.")
			.contains("Give the key's 32 bytes in Base64, e.g. the output of openssl rand -base64 32.")
			.doesNotContain(wrongLength);
	}

	@Test
	void secretThatIsNotBase64() {
		String notBase64 = "k3y-with-$ymbols!";
		assertFailure(this.runner.withPropertyValues("temporal.payloads.encryption.keys.k1.secret=" + notBase64),
				"The secret of key 'k1' (temporal.payloads.encryption.keys.k1.secret) is not Base64 text.", notBase64);
	}

	@Test
	void secretFromAnEnvironmentVariableThatIsNotSet() {
		// as the README writes it: secret: ${PAYLOAD_KEY_2026_06}, started without that variable
		assertFailure(this.runner.withPropertyValues(
				"temporal.payloads.encryption.keys.k1.secret=${PAYLOAD_KEY_NOT_SET_IN_THIS_TEST}"),
				"The secret of key 'k1' (temporal.payloads.encryption.keys.k1.secret) is the placeholder "
						+ "${PAYLOAD_KEY_NOT_SET_IN_THIS_TEST}, which nothing resolves: no environment variable or "
						+ "property 'PAYLOAD_KEY_NOT_SET_IN_THIS_TEST' is set.",
				null);
	}

	@Test
	void noKeyAtAll() {
		assertFailure(this.runner, "temporal.payloads.encryption.enabled is true, but no key is configured under "
				+ "temporal.payloads.encryption.keys, so payloads cannot be encrypted.", null);
	}

	@Test
	void severalKeysAndNoActiveOne() {
		assertFailure(this.runner.withPropertyValues("temporal.payloads.encryption.keys.a.secret=" + SECRET,
				"temporal.payloads.encryption.keys.b.secret=" + SECRET),
				"temporal.payloads.encryption.active-key-id is not set and 2 keys are configured [a, b]", SECRET);
	}

	@Test
	void activeKeyThatIsNotConfigured() {
		WorkerConfigurationException failure = assertFailure(
				this.runner.withPropertyValues("temporal.payloads.encryption.keys.k-2026-06.secret=" + SECRET,
						"temporal.payloads.encryption.active-key-id=k-2026-07"),
				"temporal.payloads.encryption.active-key-id is 'k-2026-07', which is not a key of "
						+ "temporal.payloads.encryption.keys [k-2026-06].", SECRET);
		assertThat(failure.getAction()).contains("Did you mean 'k-2026-06'?");
	}

	@Test
	void secretAndSslBundleTogether() {
		assertFailure(this.runner.withPropertyValues("temporal.payloads.encryption.keys.k1.secret=" + SECRET,
				"temporal.payloads.encryption.keys.k1.ssl-bundle=payload-keys"),
				"Key 'k1' (temporal.payloads.encryption.keys.k1) names both a secret and an SSL bundle ('payload-keys').",
				SECRET);
	}

	@Test
	void unknownSslBundle() {
		Path store = TestKeys.pkcs12(this.files.resolve("keys.p12"), "k1", TestKeys.key(1), "pw");
		WorkerConfigurationException failure = assertFailure(
				this.runner.withPropertyValues("temporal.payloads.encryption.keys.k1.ssl-bundle=payload-kyes",
						"spring.ssl.bundle.jks.payload-keys.keystore.location=file:" + store,
						"spring.ssl.bundle.jks.payload-keys.keystore.password=pw",
						"spring.ssl.bundle.jks.payload-keys.keystore.type=PKCS12"),
				"Key 'k1' (temporal.payloads.encryption.keys.k1.ssl-bundle) names SSL bundle 'payload-kyes', which is "
						+ "not configured. Configured SSL bundles: [payload-keys].", "pw");
		assertThat(failure.getAction()).contains("Did you mean 'payload-keys'?");
	}

	@Test
	void sslBundleWithoutTheEntry() {
		Path store = TestKeys.pkcs12(this.files.resolve("keys.p12"), "k-2026-01", TestKeys.key(1), "pw");
		assertFailure(bundle(store, "pw").withPropertyValues("temporal.payloads.encryption.keys.k-2026-06.ssl-bundle=keys"),
				"Key 'k-2026-06' (temporal.payloads.encryption.keys.k-2026-06): SSL bundle 'keys' has no entry "
						+ "'k-2026-06'. Entries of its key store: [k-2026-01].", "pw");
	}

	@Test
	void sslBundleWithTheWrongKeyPassword() {
		Path store = TestKeys.pkcs12(this.files.resolve("keys.p12"), "k1", TestKeys.key(1), "pw");
		assertFailure(bundle(store, "pw").withPropertyValues("temporal.payloads.encryption.keys.k1.ssl-bundle=keys",
				"spring.ssl.bundle.jks.keys.key.password=wrong"),
				"Key 'k1' (temporal.payloads.encryption.keys.k1): entry 'k1' of SSL bundle 'keys' cannot be opened "
						+ "with the bundle's password.", "wrong");
	}

	@Test
	void sslBundleEntryThatIsAPrivateKey() throws Exception {
		// a TLS key store (keytool -genkeypair -keyalg EC -alias leaf), made once: the keytool runs cost seconds
		Path store = Path.of(getClass().getResource("/encryption/private-key-entry.p12").toURI());
		assertFailure(bundle(store, "changeit").withPropertyValues("temporal.payloads.encryption.keys.k1.ssl-bundle=keys",
				"temporal.payloads.encryption.keys.k1.alias=leaf"),
				"Key 'k1' (temporal.payloads.encryption.keys.k1): entry 'leaf' of SSL bundle 'keys' is a private key "
						+ "(EC), not a secret key (a PEM bundle cannot hold one).", "changeit");
	}

	@Test
	void keyWithoutSourceAndNoProvider() {
		assertFailure(this.runner.withPropertyValues("temporal.payloads.encryption.keys.vault-1="),
				"Key 'vault-1' (temporal.payloads.encryption.keys.vault-1) names no source.", null);
	}

	@Test
	void providerThatCannotLoadTheKey() {
		assertFailure(this.runner.withUserConfiguration(FailingProvider.class)
			.withPropertyValues("temporal.payloads.encryption.keys.vault-1="),
				"could not load key 'vault-1' (temporal.payloads.encryption.keys.vault-1): IllegalStateException: "
						+ "Vault answered 403 for secret/payload-keys/vault-1", null);
	}

	@Test
	void providerThatReturnsAShortKey() {
		assertFailure(this.runner.withUserConfiguration(ShortKeyProvider.class)
			.withPropertyValues("temporal.payloads.encryption.keys.vault-1="),
				"Key 'vault-1' (temporal.payloads.encryption.keys.vault-1, from the PayloadEncryptionKeyProvider) has 16 "
						+ "bytes; AES-256 needs 32.", null);
	}

	private ApplicationContextRunner bundle(Path store, String password) {
		return this.runner.withPropertyValues("spring.ssl.bundle.jks.keys.keystore.location=file:" + store,
				"spring.ssl.bundle.jks.keys.keystore.password=" + password,
				"spring.ssl.bundle.jks.keys.keystore.type=PKCS12");
	}

	private static WorkerConfigurationException assertFailure(ApplicationContextRunner runner, String description,
			String secret) {
		WorkerConfigurationException[] failure = new WorkerConfigurationException[1];
		runner.run((context) -> {
			failure[0] = TemporalTestSupport.configurationFailure(context.getStartupFailure());
			assertThat(failure[0].getMessage()).contains(description);
			assertThat(failure[0].getAction()).isNotBlank();
			if (secret != null) {
				assertThat(failure[0].getMessage() + failure[0].getAction()).doesNotContain(secret);
			}
		});
		return failure[0];
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingProvider {

		@Bean
		PayloadEncryptionKeyProvider failingProvider() {
			return (keyId) -> {
				throw new IllegalStateException("Vault answered 403 for secret/payload-keys/" + keyId);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ShortKeyProvider {

		@Bean
		PayloadEncryptionKeyProvider shortKeyProvider() {
			return (keyId) -> new SecretKeySpec(new byte[16], "AES");
		}

	}

}
