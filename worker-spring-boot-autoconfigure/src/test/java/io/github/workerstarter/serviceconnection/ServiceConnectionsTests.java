package io.github.workerstarter.serviceconnection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.lifecycle.DockerComposeServicesReadyEvents;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSources;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import io.github.workerstarter.connection.PropertiesTemporalConnectionDetails;
import io.github.workerstarter.connection.TemporalConnectionDetails;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.serviceconnection.SecretStore;
import io.github.workerstarter.fixtures.serviceconnection.SecretStoreConnectionConfiguration;
import io.github.workerstarter.testing.RunningComposeService;
import io.github.workerstarter.testing.TestServerContainer;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection from {@link TemporalConnectionDetails}: the properties' by default, the application's own bean, a
 * Docker Compose service and a Testcontainers {@code @ServiceConnection} container. There is no Docker engine on the
 * build machines: the Temporal server is the SDK's test server in a JVM of its own, and the compose service and the
 * container describe it as Docker would (published port, mapped port): the container object starts nothing and reports
 * that server's address as its host and mapped port. From there on, Boot's service connection code and the starter run
 * as they do with Docker.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceConnectionsTests {

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
	void byDefaultTheDetailsAreTheProperties() {
		// client only: nothing contacts the server at startup
		runner().withPropertyValues("temporal.target=127.0.0.1:7299", "temporal.namespace=orders").run((context) -> {
			TemporalConnectionDetails details = context.getBean(TemporalConnectionDetails.class);
			assertThat(details).isInstanceOf(PropertiesTemporalConnectionDetails.class);
			assertThat(details.getTarget()).isEqualTo("127.0.0.1:7299");
			assertThat(details.getNamespace()).isEqualTo("orders");
			assertThat(details.isTls()).isFalse();
			assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo("127.0.0.1:7299");
		});
	}

	@Test
	void aDetailsBeanOfTheApplicationReplacesTheProperties() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.workflows=true")
			.withUserConfiguration(GreetingFixtures.class, SecretStoreConnectionConfiguration.class)
			.withBean(SecretStore.class, () -> (key) -> key.equals("temporal/address") ? server.target() : "own-details")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// a real server is named: the in-process one is not started for nothing
				assertThat(context).doesNotHaveBean(EmbeddedTemporalServer.class);
				assertThat(context).doesNotHaveBean(PropertiesTemporalConnectionDetails.class);
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo(server.target());
				assertThat(context.getBean(WorkflowClient.class).getOptions().getNamespace()).isEqualTo("own-details");
				assertThat(greet(context, "Ada")).isEqualTo("Hello, Ada!");
			});
	}

	@Test
	void anApiKeyWithoutTlsFromTheDetailsFailsStartup() {
		runner().withUserConfiguration(ApiKeyWithoutTls.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).startsWith("The Temporal connection of TemporalConnectionDetails ")
				.endsWith(" has an API key but no TLS: the key would travel unencrypted to 127.0.0.1:7299.");
		});
	}

	@Test
	void dockerComposeServicesRunningTemporalAreRecognisedByImageOrLabel() {
		ConnectionDetailsFactories factories = new ConnectionDetailsFactories(null);
		MockEnvironment environment = new MockEnvironment();
		// the Temporal CLI's image, running server start-dev
		TemporalConnectionDetails devServer = details(factories.getConnectionDetails(DockerComposeConnectionSources
			.of(RunningComposeService.of("temporal", "temporalio/temporal:1.5.1", 7233, 17233), environment), false));
		assertThat(devServer.getTarget()).isEqualTo("127.0.0.1:17233");
		assertThat(devServer.getNamespace()).isNull();
		assertThat(devServer.isTls()).isFalse();
		// auto-setup creates DEFAULT_NAMESPACE
		TemporalConnectionDetails autoSetup = details(factories.getConnectionDetails(DockerComposeConnectionSources.of(
				RunningComposeService.of("temporal", "temporalio/auto-setup:1.29.7", 7233, 27233)
					.withEnv(Map.of("DEFAULT_NAMESPACE", "orders")),
				environment), false));
		assertThat(autoSetup.getTarget()).isEqualTo("127.0.0.1:27233");
		assertThat(autoSetup.getNamespace()).isEqualTo("orders");
		// an image of one's own, labelled
		TemporalConnectionDetails labelled = details(factories.getConnectionDetails(DockerComposeConnectionSources.of(
				RunningComposeService.of("temporal", "registry.example.com/ops/temporal-dev:3", 7233, 37233)
					.withLabels(Map.of("org.springframework.boot.service-connection", "temporal")),
				environment), false));
		assertThat(labelled.getTarget()).isEqualTo("127.0.0.1:37233");
		// anything else is not Temporal
		assertThat(factories.getConnectionDetails(DockerComposeConnectionSources
			.of(RunningComposeService.of("db", "postgres:17", 5432, 15432), environment), false))
			.doesNotContainKey(TemporalConnectionDetails.class);
	}

	@Test
	void anApplicationStartsOnADockerComposeServiceWithoutTemporalTarget(CapturedOutput output) {
		RunningService temporal = RunningComposeService.of("temporal", "temporalio/temporal:1.5.1", 7233, server.port());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("spring.docker.compose.enabled=false", "temporal.workers.greetings.workflows=true")
			.listeners(new ComposeServicesReady(List.of(temporal)))
			.run()) {
			// Boot's listener registered the details under its usual name
			assertThat(context.getBean("temporalConnectionDetailsForTemporal")).isInstanceOf(TemporalConnectionDetails.class);
			assertThat(context.getBeansOfType(PropertiesTemporalConnectionDetails.class)).isEmpty();
			assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo(server.target());
			assertThat(greet(context, "Compose")).isEqualTo("Hello, Compose!");
			assertThat(output).contains("Temporal connection from TemporalConnectionDetails (Docker compose service "
					+ "'temporal' defined in");
		}
	}

	@Test
	void autoSetupsDefaultNamespaceIsTheApplications() {
		RunningService temporal = RunningComposeService.of("temporal", "temporalio/auto-setup:1.29.7", 7233, server.port())
			.withEnv(Map.of("DEFAULT_NAMESPACE", "compose-orders"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("spring.docker.compose.enabled=false", "temporal.workers.greetings.workflows=true")
			.listeners(new ComposeServicesReady(List.of(temporal)))
			.run()) {
			assertThat(context.getBean(WorkflowClient.class).getOptions().getNamespace()).isEqualTo("compose-orders");
			assertThat(greet(context, "Setup")).isEqualTo("Hello, Setup!");
		}
	}

	@Test
	void anApplicationStartsOnATestcontainersServiceConnectionBean() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class, ContainerBean.class)
			.web(WebApplicationType.NONE)
			.properties("temporal.workers.greetings.workflows=true")
			.run()) {
			assertThat(context.getBeansOfType(TemporalConnectionDetails.class)).hasSize(1)
				.allSatisfy((name, details) -> assertThat(details).isNotInstanceOf(PropertiesTemporalConnectionDetails.class));
			assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo(server.target());
			assertThat(greet(context, "Container")).isEqualTo("Hello, Container!");
		}
	}

	/**
	 * The usual way to use Testcontainers in a test: a {@code @ServiceConnection} container field, recognised by its
	 * image ({@code temporalio/temporal}), with no {@code temporal.target} anywhere.
	 */
	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = "temporal.workers.greetings.workflows=true")
	@DirtiesContext
	class ContainerField {

		@ServiceConnection
		static final TestServerContainer temporal = new TestServerContainer("temporalio/temporal:1.5.1", server);

		@Autowired
		ApplicationContext context;

		@Test
		void theApplicationRunsItsWorkflowsOnTheContainersServer() {
			assertThat(this.context.getBeansOfType(TemporalConnectionDetails.class).values()).singleElement()
				.satisfies((details) -> assertThat(details.getClass().getName())
					.contains("TemporalContainerConnectionDetails"));
			assertThat(this.context.getBean(WorkflowServiceStubs.class).getOptions().getTarget())
				.isEqualTo(server.target());
			assertThat(greet(this.context, "Field")).isEqualTo("Hello, Field!");
		}

	}

	static String greet(ApplicationContext context, String name) {
		WorkflowStub stub = context.getBean(WorkflowClient.class)
			.newUntypedWorkflowStub("Greet", WorkflowOptions.newBuilder()
				.setTaskQueue("greetings")
				.setWorkflowId("greet-" + UUID.randomUUID())
				.setWorkflowRunTimeout(Duration.ofSeconds(30))
				.build());
		stub.start(name);
		return stub.getResult(String.class);
	}

	private static TemporalConnectionDetails details(Map<Class<?>, ConnectionDetails> found) {
		assertThat(found).containsKey(TemporalConnectionDetails.class);
		return (TemporalConnectionDetails) found.get(TemporalConnectionDetails.class);
	}

	/** What Boot's Docker Compose support does once {@code docker compose up} has the services running. */
	record ComposeServicesReady(List<RunningService> services) implements ApplicationListener<ApplicationPreparedEvent> {

		@Override
		public void onApplicationEvent(ApplicationPreparedEvent event) {
			// as DockerComposeLifecycleManager publishes it: straight to the application's listeners
			SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();
			event.getSpringApplication().getListeners().forEach(multicaster::addApplicationListener);
			multicaster.multicastEvent(DockerComposeServicesReadyEvents.of(event.getApplicationContext(), this.services));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(GreetingFixtures.class)
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	static class ContainerBean {

		@Bean
		@ServiceConnection(name = "temporal")
		TestServerContainer temporal() {
			return new TestServerContainer("temporalio/temporal:1.5.1", server);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApiKeyWithoutTls {

		@Bean
		TemporalConnectionDetails temporalConnectionDetails() {
			return new TemporalConnectionDetails() {

				@Override
				public String getTarget() {
					return "127.0.0.1:7299";
				}

				@Override
				public boolean isTls() {
					return false;
				}

				@Override
				public String getApiKey() {
					return "key";
				}

			};
		}

	}

}
