package io.github.workerstarter.health;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.FrontendStandIn;
import io.grpc.stub.StreamObserver;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static org.assertj.core.api.Assertions.assertThat;

class TemporalHealthIndicatorTests {

	private final ApplicationContextRunner runner = embeddedGreetingsRunner()
		.withConfiguration(AutoConfigurations.of(TemporalHealthContributorAutoConfiguration.class))
		.withUserConfiguration(GreetingFixtures.class);

	@Test
	void upWithConnectionAndEachWorkerAsDetails() {
		this.runner.run((context) -> {
			Health health = context.getBean("temporalHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("target", "embedded (in-process)")
				.containsEntry("namespace", "default")
				.containsEntry("connection", "UP");
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> workers = (Map<String, Map<String, Object>>) health.getDetails()
				.get("workers");
			assertThat(workers.get("greetings")).containsEntry("state", "running")
				.containsEntry("workflowTypes", java.util.List.of("Greet"))
				.containsEntry("activityTypes", java.util.List.of("GreetingCompose"))
				.containsEntry("activitiesInFlight", 0);
		});
	}

	@Test
	void outOfServiceWhileTheContextIsStopped() {
		this.runner.run((context) -> {
			HealthIndicator indicator = context.getBean("temporalHealthIndicator", HealthIndicator.class);
			context.stop();
			assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			context.start();
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void switchedOffByTheManagementProperty() {
		this.runner.withPropertyValues("management.health.temporal.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TemporalHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TemporalHealthIndicator.class));
	}

	@Test
	void userIndicatorReplacesOurs() {
		this.runner.withBean("temporalHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(TemporalHealthIndicator.class));
	}

	@Test
	void namespaceThatDoesNotExistFailsStartupNamingIt() {
		// The SDK's test server accepts any namespace, so this server answers DescribeNamespace the way a Temporal
		// cluster does for an unknown namespace (NOT_FOUND); everything else about the run is the real SDK.
		FrontendStandIn clusterWithoutTheNamespace = new FrontendStandIn() {
			@Override
			public void describeNamespace(DescribeNamespaceRequest request,
					StreamObserver<DescribeNamespaceResponse> observer) {
				observer.onError(io.grpc.Status.NOT_FOUND
					.withDescription("Namespace " + request.getNamespace() + " is not found.")
					.asRuntimeException());
			}
		};
		this.runner.withPropertyValues("temporal.namespace=no-such-namespace")
			.withBean(WorkflowServiceStubs.class,
					() -> WorkflowServiceStubs.newInstance(clusterWithoutTheNamespace,
							WorkflowServiceStubsOptions.newBuilder().build()))
			.run((context) -> {
				var failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("Namespace 'no-such-namespace' (temporal.namespace) does not exist")
					.contains("NOT_FOUND: Namespace no-such-namespace is not found.");
				assertThat(failure.getAction())
					.contains("temporal operator namespace create --namespace no-such-namespace");
			});
	}

}
