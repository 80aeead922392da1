package io.github.workerstarter.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.TestCertificates;
import io.github.workerstarter.testing.TestServerProcess;
import io.github.workerstarter.testing.TlsTestServer;
import io.temporal.client.WorkflowClient;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A temporal.toml profile as the source of the connection, against a real test server: the application connects
 * where the profile says, our temporal.* properties win over the profile, and a missing profile, file or jar fails
 * startup with a message. Assumes no TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE in the test's environment (the SDK lays
 * those over every profile).
 */
class EnvConfigProfileTests {

	@TempDir
	static Path directory;

	static TestServerProcess server;

	static Path toml;

	@BeforeAll
	static void startServerAndWriteProfiles() throws IOException {
		server = TestServerProcess.start();
		toml = directory.resolve("temporal.toml");
		Files.writeString(toml, """
				[profile.dev]
				address = "%s"
				namespace = "default"

				[profile.elsewhere]
				address = "127.0.0.1:1"
				namespace = "from-profile"
				""".formatted(server.target()));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void applicationConnectsWhereTheProfileSays() {
		runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.env-config.enabled=true", "temporal.env-config.file=" + toml,
					"temporal.env-config.profile=dev", "temporal.workers.greetings.identity=envconfig",
					"temporal.fail-fast=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(EnvConfigProfile.class);
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget())
					.isEqualTo(server.target());
				assertThat(greet(context, "greetings", "Profile")).isEqualTo("Hello, Profile!");
			});
	}

	@Test
	void ourTargetAndNamespaceWinOverTheProfile() {
		// the profile points at a dead port and another namespace; our properties point at the real server
		runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.env-config.enabled=true", "temporal.env-config.file=" + toml,
					"temporal.env-config.profile=elsewhere", "temporal.target=" + server.target(),
					"temporal.namespace=default", "temporal.workers.greetings.identity=envconfig",
					"temporal.fail-fast=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget())
					.isEqualTo(server.target());
				assertThat(context.getBean(WorkflowClient.class).getOptions().getNamespace()).isEqualTo("default");
				assertThat(greet(context, "greetings", "Override")).isEqualTo("Hello, Override!");
			});
	}

	@Test
	void ourSslBundleAndServerNameWinOverTheProfilesTls() throws IOException {
		TestCertificates certificates = TestCertificates.in(directory);
		TestCertificates.Ca ca = certificates.ca("env-ca");
		TestCertificates.Ca otherCa = certificates.ca("env-other-ca");
		Path serverKeys = certificates.server(ca, "env-server", "dns:temporal.test");
		Path clientKeys = certificates.client(ca, "env-worker");
		try (TlsTestServer tlsServer = TlsTestServer.start(serverKeys, ca)) {
			// the profile's TLS trusts another CA and expects another name: only our settings make it work
			Path secure = directory.resolve("secure.toml");
			Files.writeString(secure, """
					[profile.secure]
					address = "%s"
					namespace = "default"

					[profile.secure.tls]
					server_ca_cert_path = "%s"
					server_name = "wrong.test"
					""".formatted(tlsServer.target(), otherCa.certificate()));
			runner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
				.withUserConfiguration(GreetingFixtures.class)
				.withPropertyValues("temporal.env-config.enabled=true", "temporal.env-config.file=" + secure,
						"temporal.env-config.profile=secure", "temporal.workers.greetings.identity=envconfig",
						"temporal.fail-fast=true", "temporal.connection.ssl-bundle=temporal",
						"temporal.connection.server-name=temporal.test",
						"spring.ssl.bundle.jks.temporal.keystore.location=" + clientKeys.toUri(),
						"spring.ssl.bundle.jks.temporal.keystore.password=" + TestCertificates.PASSWORD,
						"spring.ssl.bundle.jks.temporal.truststore.location=" + ca.trustStore().toUri(),
						"spring.ssl.bundle.jks.temporal.truststore.password=" + TestCertificates.PASSWORD)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget())
						.isEqualTo(tlsServer.target());
					assertThat(greet(context, "greetings", "Secure")).isEqualTo("Hello, Secure!");
				});
		}
	}

	@Test
	void profileNamespaceIsUsedWhenTemporalNamespaceIsNotSet() {
		runner().withPropertyValues("temporal.env-config.enabled=true", "temporal.env-config.file=" + toml,
				"temporal.env-config.profile=elsewhere")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WorkflowClient.class).getOptions().getNamespace()).isEqualTo("from-profile");
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo("127.0.0.1:1");
			});
	}

	@Test
	void missingProfileFailsNamingTheProfilesThatExist() {
		runner().withPropertyValues("temporal.env-config.enabled=true", "temporal.env-config.file=" + toml,
				"temporal.env-config.profile=prod")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.env-config.profile is 'prod'")
					.contains("has no such profile")
					.contains("Profiles there: dev, elsewhere.");
				assertThat(failure.getAction()).contains("[profile.prod]");
			});
	}

	@Test
	void missingFileFails() {
		Path absent = directory.resolve("absent.toml");
		runner().withPropertyValues("temporal.env-config.enabled=true", "temporal.env-config.file=" + absent)
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("temporal.env-config.file is '" + absent + "', but there is no such file"));
	}

	@Test
	void enabledWithoutTheJarFailsNamingTheDependency() {
		runner().withClassLoader(new FilteredClassLoader(ClientConfigProfile.class))
			.withPropertyValues("temporal.env-config.enabled=true", "temporal.target=127.0.0.1:7233")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.env-config.enabled is true");
				assertThat(failure.getAction()).contains("io.temporal:temporal-envconfig");
			});
	}

	@Test
	void profilesAreNotReadUnlessEnabled() {
		runner().withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.env-config.file=" + toml,
				"temporal.env-config.profile=elsewhere")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EnvConfigProfile.class);
				assertThat(context.getBean(WorkflowClient.class).getOptions().getNamespace()).isEqualTo("default");
			});
	}

	@Test
	void envConfigWithTheEmbeddedServerIsRefused() {
		runner().withPropertyValues("temporal.env-config.enabled=true", "temporal.target=embedded")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("temporal.env-config.enabled is true, but temporal.target is 'embedded'"));
	}

}
