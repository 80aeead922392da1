package io.github.workerstarter.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
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
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.TestCertificates;
import io.github.workerstarter.testing.TlsTestServer;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * TLS and mutual TLS through Spring Boot SSL bundles against a real TLS server in front of the SDK's test server,
 * with certificates made in the test: a workflow and its activity run over mTLS, a CA the client does not trust
 * fails startup with a report about TLS, the server name override decides which certificate name is accepted.
 */
@ExtendWith(OutputCaptureExtension.class)
class TlsConnectionTests {

	@TempDir
	static Path directory;

	static TestCertificates.Ca ca;

	static TestCertificates.Ca otherCa;

	static Path serverForIp;

	static Path serverForName;

	static Path client;

	@BeforeAll
	static void certificates() {
		TestCertificates certificates = TestCertificates.in(directory);
		ca = certificates.ca("test-ca");
		otherCa = certificates.ca("other-ca");
		serverForIp = certificates.server(ca, "server-ip", "ip:127.0.0.1");
		serverForName = certificates.server(ca, "server-name", "dns:temporal.test");
		client = certificates.client(ca, "worker");
	}

	@Test
	void workflowAndActivityRunOverMutualTls() {
		try (TlsTestServer server = TlsTestServer.start(serverForIp, ca)) {
			tlsRunner(server, ca).run((context) -> {
				assertThat(context).hasNotFailed();
				WorkflowServiceStubs stubs = context.getBean(WorkflowServiceStubs.class);
				assertThat(stubs.getOptions().getSslContext()).isNotNull();
				assertThat(greet(context, "greetings", "TLS")).isEqualTo("Hello, TLS!");
			});
		}
	}

	@Test
	void bundleWithoutAClientCertificateIsRefusedByTheMutualTlsServer() {
		try (TlsTestServer server = TlsTestServer.start(serverForIp, ca)) {
			runner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
				.withUserConfiguration(GreetingFixtures.class)
				.withPropertyValues("temporal.target=" + server.target(), "temporal.workers.greetings.identity=tls-test",
						"temporal.fail-fast=true", "temporal.connection.ssl-bundle=trust-only",
						"spring.ssl.bundle.jks.trust-only.truststore.location=" + ca.trustStore().toUri(),
						"spring.ssl.bundle.jks.trust-only.truststore.password=" + TestCertificates.PASSWORD)
				.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
					.contains("TLS connection to the Temporal server at " + server.target()));
		}
	}

	@Test
	void serverCertificateFromAnUntrustedCaFailsStartupNamingTls() {
		try (TlsTestServer server = TlsTestServer.start(serverForIp, ca)) {
			tlsRunner(server, otherCa).run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("TLS connection to the Temporal server at " + server.target())
					.contains("TLS handshake failed");
				assertThat(failure.getAction()).contains("temporal.connection.ssl-bundle")
					.contains("CA that issued the server's certificate");
			});
		}
	}

	@Test
	void untrustedCaIsReportedAsAnApplicationFailureWithTheFix(CapturedOutput output) {
		try (TlsTestServer server = TlsTestServer.start(serverForIp, ca)) {
			SpringApplication application = new SpringApplication(TlsApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			List<String> arguments = new ArrayList<>();
			tlsProperties(server, otherCa).forEach((property) -> arguments.add("--" + property));
			assertThatException().isThrownBy(() -> application.run(arguments.toArray(String[]::new)));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The TLS connection to the Temporal server at " + server.target())
				.contains("TLS handshake failed")
				.contains("Action:")
				.contains("must hold the CA that issued the server's certificate");
		}
	}

	@Test
	void serverNameOverrideIsTheNameTheCertificateIsCheckedAgainst() {
		try (TlsTestServer server = TlsTestServer.start(serverForName, ca)) {
			// the certificate is issued for temporal.test, the target is 127.0.0.1: refused without the override
			tlsRunner(server, ca).run((context) -> assertThat(
					configurationFailure(context.getStartupFailure()).getMessage()).contains("TLS handshake failed"));
			tlsRunner(server, ca).withPropertyValues("temporal.connection.server-name=temporal.test").run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(greet(context, "greetings", "SNI")).isEqualTo("Hello, SNI!");
			});
		}
	}

	@Test
	void reloadedBundleReachesTheLiveConnection(CapturedOutput output) throws Exception {
		// the app starts with a client certificate the server does not accept, then the bundle's file is replaced
		Path reloadable = directory.resolve("reloadable-worker.p12");
		Files.copy(TestCertificates.in(directory).client(otherCa, "stale-worker"), reloadable,
				StandardCopyOption.REPLACE_EXISTING);
		try (TlsTestServer server = TlsTestServer.start(serverForIp, ca)) {
			List<String> properties = new ArrayList<>(tlsProperties(server, ca));
			properties.replaceAll((property) -> property.startsWith("spring.ssl.bundle.jks.temporal.keystore.location=")
					? "spring.ssl.bundle.jks.temporal.keystore.location=" + reloadable.toUri() : property);
			properties.addAll(List.of("temporal.fail-fast=false", "temporal.connect-timeout=2s",
					"spring.ssl.bundle.jks.temporal.reload-on-update=true",
					"spring.ssl.bundle.watch.file.quiet-period=50ms"));
			tlsRunner(server, ca).withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
				assertThat(context).hasNotFailed();
				WorkflowServiceStubs stubs = context.getBean(WorkflowServiceStubs.class);
				assertThatException().isThrownBy(stubs::healthCheck);
				Files.copy(client, reloadable, StandardCopyOption.REPLACE_EXISTING);
				Files.setLastModifiedTime(reloadable, FileTime.fromMillis(System.currentTimeMillis()));
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(output).contains("SSL bundle 'temporal' "
							+ "(temporal.connection.ssl-bundle) was reloaded: new connections to Temporal use its new "
							+ "certificates"));
				// same channel, same stubs: the next connection presents the new, accepted certificate
				await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> stubs.healthCheck() != null);
				assertThat(greet(context, "greetings", "Rotated")).isEqualTo("Hello, Rotated!");
			});
		}
	}

	@Test
	void unknownBundleNameListsTheBundlesThatExist() {
		runner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.ssl-bundle=temporl",
					"spring.ssl.bundle.jks.temporal.truststore.location=" + ca.trustStore().toUri(),
					"spring.ssl.bundle.jks.temporal.truststore.password=" + TestCertificates.PASSWORD)
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.connection.ssl-bundle is 'temporl'")
					.contains("no SSL bundle of that name")
					.contains("Bundles defined: temporal.")
					.contains("Did you mean 'temporal'?");
				assertThat(failure.getAction()).contains("spring.ssl.bundle.pem.temporl.*");
			});
	}

	@Test
	void bundleWithTlsSwitchedOffIsRefused() {
		runner().withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.ssl-bundle=temporal",
				"temporal.connection.tls=false")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.connection.ssl-bundle is 'temporal' while "
						+ "temporal.connection.tls is false");
				assertThat(failure.getAction()).contains("Remove temporal.connection.tls=false");
			});
	}

	@Test
	void bundleOrServerNameWithTheEmbeddedServerIsRefused() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.connection.ssl-bundle=temporal")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("temporal.connection.ssl-bundle is 'temporal', but temporal.target is 'embedded'"));
		runner().withPropertyValues("temporal.target=embedded", "temporal.connection.server-name=temporal.test")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("temporal.connection.server-name is 'temporal.test', but temporal.target is 'embedded'"));
	}

	@Test
	void bundleTurnsTlsOn() {
		runner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.ssl-bundle=temporal",
					"spring.ssl.bundle.jks.temporal.truststore.location=" + ca.trustStore().toUri(),
					"spring.ssl.bundle.jks.temporal.truststore.password=" + TestCertificates.PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getEnableHttps()).isTrue();
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getSslContext()).isNotNull();
			});
	}

	private static ApplicationContextRunner tlsRunner(TlsTestServer server, TestCertificates.Ca trusted) {
		return runner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues(tlsProperties(server, trusted).toArray(String[]::new));
	}

	private static List<String> tlsProperties(TlsTestServer server, TestCertificates.Ca trusted) {
		return List.of("temporal.target=" + server.target(), "temporal.workers.greetings.identity=tls-test",
				"temporal.fail-fast=true", "temporal.connect-timeout=10s", "temporal.connection.ssl-bundle=temporal",
				"spring.ssl.bundle.jks.temporal.keystore.location=" + client.toUri(),
				"spring.ssl.bundle.jks.temporal.keystore.password=" + TestCertificates.PASSWORD,
				"spring.ssl.bundle.jks.temporal.keystore.type=PKCS12",
				"spring.ssl.bundle.jks.temporal.truststore.location=" + trusted.trustStore().toUri(),
				"spring.ssl.bundle.jks.temporal.truststore.password=" + TestCertificates.PASSWORD,
				"spring.ssl.bundle.jks.temporal.truststore.type=PKCS12");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(GreetingFixtures.class)
	static class TlsApplication {

	}

}
