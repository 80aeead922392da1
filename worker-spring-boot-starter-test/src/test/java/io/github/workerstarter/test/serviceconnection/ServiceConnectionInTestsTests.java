package io.github.workerstarter.test.serviceconnection;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.connection.TemporalConnectionDetails;
import io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration;
import io.github.workerstarter.test.await.WorkflowAwaitAutoConfiguration;
import io.github.workerstarter.test.environment.TemporalTestPropertiesAutoConfiguration;
import io.github.workerstarter.test.environment.TestEnvironmentAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestWorkflowEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test with a service connection (a Testcontainers {@code @ServiceConnection} container registers a
 * {@link TemporalConnectionDetails} bean) runs against that server: the time-skipping environment steps aside.
 */
class ServiceConnectionInTestsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
			TemporalTestPropertiesAutoConfiguration.class, TestEnvironmentAutoConfiguration.class,
			EmbeddedServerAutoConfiguration.class, TemporalConnectionAutoConfiguration.class,
			TemporalWorkerAutoConfiguration.class, WorkflowAwaitAutoConfiguration.class));

	@Test
	void theTestEnvironmentStepsAsideForAServiceConnection() {
		// client only: nothing contacts the server while the context starts
		this.runner.withBean(TemporalConnectionDetails.class, () -> () -> "127.0.0.1:7299").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TestWorkflowEnvironment.class);
			assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo("127.0.0.1:7299");
		});
		// and without one, the test runs on the environment as ever
		this.runner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TestWorkflowEnvironment.class));
	}

}
