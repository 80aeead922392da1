package io.github.workerstarter.serviceconnection;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import io.github.workerstarter.connection.TemporalConnectionDetails;
import io.github.workerstarter.testing.TestServerContainer;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usual way to use Testcontainers in a test: a {@code @ServiceConnection} container field, recognised by its image
 * ({@code temporalio/temporal}), with no {@code temporal.target} anywhere. The container object starts nothing (no
 * Docker engine here): it reports the address of a test server in a JVM of its own, as a started container reports
 * its mapped port.
 */
@SpringBootTest(classes = { ServiceConnectionsTests.App.class, TestcontainersServiceConnectionFieldTests.ServerWithTheContext.class }, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "temporal.workers.greetings.workflows=true")
@DirtiesContext
class TestcontainersServiceConnectionFieldTests {

	static final TestServerProcess server = TestServerProcess.start();

	@ServiceConnection
	static final TestServerContainer temporal = new TestServerContainer("temporalio/temporal:1.5.1", server);

	@Autowired
	ApplicationContext context;

	@Test
	void theApplicationRunsItsWorkflowsOnTheContainersServer() {
		assertThat(this.context.getBeansOfType(TemporalConnectionDetails.class).values()).singleElement()
			.satisfies((details) -> assertThat(details.getClass().getName()).contains("TemporalContainerConnectionDetails"));
		assertThat(this.context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo(server.target());
		assertThat(ServiceConnectionsTests.greet(this.context, "Field")).isEqualTo("Hello, Field!");
	}

	// the server goes with the context, after the workers have stopped (beans are destroyed after the lifecycle stops)
	@TestConfiguration(proxyBeanMethods = false)
	static class ServerWithTheContext {

		@Bean
		DisposableBean temporalTestServerStop() {
			return server::close;
		}

	}

}
