package io.github.workerstarter.readme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.testing.TestCertificates;
import io.github.workerstarter.testing.Yaml;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code yaml} block of the README (and of docs/) that configures {@code temporal:} starts a Spring Boot
 * application as written, with only what it needs around it: files at the paths it names, the environment values it
 * refers to, and {@code temporal.target=embedded} where the block names no server. A block that cannot start fails
 * here, not in a user's first hour.
 */
class ReadmeYamlBlocksTests {

	private static final Pattern TEMPORAL_ROOT = Pattern.compile("(?m)^temporal:");

	private static final Pattern WORKER_ENTRY = Pattern.compile("^temporal\\.workers\\.([^.\\[]+)");

	// 32 bytes in Base64, for the blocks that read a payload key from the environment
	private static final String PAYLOAD_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String PAYLOAD_KEYSTORE_PASSWORD = "readme-keystore-password";

	@TempDir
	static Path files;

	@TestFactory
	Stream<DynamicTest> everyTemporalBlockStarts() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path document : Documents.all()) {
			for (Documents.Block block : Documents.blocks(document, "yaml")) {
				if (TEMPORAL_ROOT.matcher(block.text()).find()) {
					tests.add(DynamicTest.dynamicTest(block.name(), () -> starts(block)));
				}
			}
		}
		assertThat(tests).as("yaml blocks with temporal:").hasSizeGreaterThanOrEqualTo(5);
		return tests.stream();
	}

	private void starts(Documents.Block block) {
		String yaml = block.text().replace("/etc/temporal/", files() + "/");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReadmeApplication.class)
			.web(WebApplicationType.NONE)
			.properties(around(block.text()))
			.initializers(Yaml.source("application.yml", yaml))
			.run()) {
			Set<String> entries = workerEntries(yaml);
			assertThat(context.getBean(TemporalProperties.class).workers().keySet()).as(block.name())
				.containsAll(entries);
			assertThat(context.getBean(TemporalWorkerRegistry.class).workers()).as(block.name())
				.hasSize(context.getBean(TemporalProperties.class).workers().size());
		}
	}

	/** Defaults, below the block's own values: what a block leaves to the rest of an application.yml. */
	private static Map<String, Object> around(String block) {
		Map<String, Object> around = new LinkedHashMap<>();
		if (!block.contains("target:") && !block.contains("env-config:")) {
			around.put("temporal.target", "embedded");
		}
		around.put("TEMPORAL_API_KEY", "readme-test-key");
		around.put("BUILD_ID", "1.0.0");
		around.put("BILLING_API_KEY", "readme-billing-key");
		around.put("PAYLOAD_KEY_2026_06", PAYLOAD_KEY);
		around.put("PAYLOAD_KEYSTORE_PASSWORD", PAYLOAD_KEYSTORE_PASSWORD);
		return around;
	}

	private static Set<String> workerEntries(String yaml) {
		Set<String> entries = new TreeSet<>();
		Yaml.load("block", yaml).forEach((source) -> {
			for (String name : ((org.springframework.core.env.EnumerablePropertySource<?>) source).getPropertyNames()) {
				Matcher entry = WORKER_ENTRY.matcher(name);
				if (entry.find()) {
					entries.add(entry.group(1));
				}
			}
		});
		return entries;
	}

	// what the blocks name under /etc/temporal/, made once: certificates for the mTLS bundle, a CLI profile file
	private static synchronized Path files() {
		if (Files.exists(files.resolve("temporal.toml"))) {
			return files;
		}
		try {
			TestCertificates certificates = TestCertificates.in(files);
			TestCertificates.Ca ca = certificates.ca("readme-ca");
			Path client = certificates.client(ca, "readme-client");
			Files.copy(ca.certificate(), files.resolve("ca.pem"));
			Files.copy(files.resolve("readme-client.pem"), files.resolve("client.pem"));
			Files.writeString(files.resolve("client.key"), privateKeyPem(client));
			// docs/encryption.md: the SSL bundle holding payload keys as secret key entries
			KeyStore payloadKeys = KeyStore.getInstance("PKCS12");
			payloadKeys.load(null, null);
			for (String alias : List.of("k-2026-06", "old-key")) {
				payloadKeys.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "AES")),
						new KeyStore.PasswordProtection(PAYLOAD_KEYSTORE_PASSWORD.toCharArray()));
			}
			try (java.io.OutputStream out = Files.newOutputStream(files.resolve("payload-keys.p12"))) {
				payloadKeys.store(out, PAYLOAD_KEYSTORE_PASSWORD.toCharArray());
			}
			Files.writeString(files.resolve("temporal.toml"), """
					[profile.prod]
					address = "127.0.0.1:7233"
					namespace = "default"
					""");
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String privateKeyPem(Path pkcs12) {
		try (InputStream in = Files.newInputStream(pkcs12)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, TestCertificates.PASSWORD.toCharArray());
			PrivateKey key = (PrivateKey) store.getKey("leaf", TestCertificates.PASSWORD.toCharArray());
			return "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
					+ "\n-----END PRIVATE KEY-----\n";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReadmeApplication {

	}

}
