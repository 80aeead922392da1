package io.github.workerstarter.connection;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

class TemporalConnectionAutoConfigurationTests {

	@Test
	void remoteTargetAndNamespaceReachTheSdk() {
		runner().withPropertyValues("temporal.target=temporal.example.com:7233", "temporal.namespace=orders")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedTemporalServer.class);
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget())
					.isEqualTo("temporal.example.com:7233");
				assertThat(context.getBean(WorkflowClient.class).getOptions().getNamespace()).isEqualTo("orders");
				// no worker configured: a client-only application, the factory has nothing to run
				assertThat(context).hasSingleBean(WorkerFactory.class);
			});
	}

	@Test
	void scheduleClientSitsNextToTheWorkflowClientAndBacksOff() {
		runner().withPropertyValues("temporal.target=localhost:7233").run((context) -> assertThat(context)
			.hasSingleBean(io.temporal.client.schedules.ScheduleClient.class));
		io.temporal.client.schedules.ScheduleClient own = io.temporal.client.schedules.ScheduleClient
			.newInstance(WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
				.setTarget("localhost:7233")
				.build()));
		runner().withPropertyValues("temporal.target=localhost:7233")
			.withBean(io.temporal.client.schedules.ScheduleClient.class, () -> own)
			.run((context) -> assertThat(context.getBean(io.temporal.client.schedules.ScheduleClient.class))
				.isSameAs(own));
	}

	@Test
	void backsOffWithoutTheSdk() {
		runner().withPropertyValues("temporal.target=localhost:7233")
			.withClassLoader(new FilteredClassLoader(WorkflowServiceStubs.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WorkflowServiceStubs.class)
				.doesNotHaveBean(WorkflowClient.class));
	}

	@Test
	void userStubsAndClientReplaceOurs() {
		runner().withUserConfiguration(UserConnectionConfiguration.class).run((context) -> {
			// no temporal.target needed: the user's beans are used as they are
			assertThat(context).hasNotFailed().hasSingleBean(WorkflowServiceStubs.class).hasSingleBean(WorkflowClient.class);
			assertThat(context.getBean(WorkflowClient.class).getOptions().getNamespace()).isEqualTo("users-own");
			assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getTarget()).isEqualTo("my-host:7233");
		});
	}

	@Test
	void customizersApplyToStubsAndClient() {
		runner().withPropertyValues("temporal.target=localhost:7233")
			.withBean(WorkflowServiceStubsOptionsCustomizer.class,
					() -> (builder) -> builder.setRpcTimeout(java.time.Duration.ofSeconds(3)))
			.withBean(WorkflowClientOptionsCustomizer.class, () -> (builder) -> builder.setIdentity("custom-client"))
			.run((context) -> {
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getRpcTimeout())
					.hasSeconds(3);
				assertThat(context.getBean(WorkflowClient.class).getOptions().getIdentity()).isEqualTo("custom-client");
			});
	}

	@Test
	void missingTargetFailsWithTheFix() {
		runner().run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("temporal.target is not set");
			assertThat(failure.getAction()).contains("localhost:7233").contains("embedded");
		});
	}

	@Test
	void malformedTargetFailsNamingTheValue() {
		runner().withPropertyValues("temporal.target=http://localhost").run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("'http://localhost'").contains("not host:port");
		});
		runner().withPropertyValues("temporal.target=localhost").run((context) -> assertThat(
				configurationFailure(context.getStartupFailure()).getMessage()).contains("'localhost'"));
	}

	@Test
	void targetsThatAreValid() {
		for (String target : new String[] { "localhost:7233", "10.0.0.1:7233", "[::1]:7233", "dns:///temporal:7233",
				"my-ns.a1b2c.tmprl.cloud:7233" }) {
			runner().withPropertyValues("temporal.target=" + target)
				.run((context) -> assertThat(context).as(target).hasNotFailed());
		}
	}

	@Test
	void embeddedTargetWithoutTheTestServerFailsNamingTheDependency() {
		runner().withPropertyValues("temporal.target=embedded")
			.withClassLoader(new FilteredClassLoader("io.temporal.testserver"))
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.target is 'embedded'")
					.contains("not on the classpath");
				assertThat(failure.getAction()).contains("io.temporal:temporal-test-server");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionConfiguration {

		@Bean
		WorkflowServiceStubs myStubs() {
			return WorkflowServiceStubs
				.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget("my-host:7233").build());
		}

		@Bean
		WorkflowClient myClient(WorkflowServiceStubs stubs) {
			return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("users-own").build());
		}

	}

}
