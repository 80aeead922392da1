package io.github.workerstarter.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.connection.WorkflowServiceStubsOptionsCustomizer;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.versioning.PinnedGreetingWorkflowImpl;
import io.temporal.api.enums.v1.VersioningBehavior;
import io.temporal.api.enums.v1.WorkerVersioningMode;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerFactory;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.runWorkflow;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worker Deployment Versioning per worker: {@code temporal.workers.<name>.deployment.*} reaches the SDK's
 * {@link WorkerDeploymentOptions}, and a versioned worker tells the server its version and each workflow's
 * versioning behaviour. The SDK's test server accepts versioned workers but does not route by version (its
 * deployment APIs answer UNIMPLEMENTED) nor record the version in history, so the run test reads what the worker
 * sends on the wire.
 */
class WorkerDeploymentVersioningTests {

	@Test
	void deploymentOptionsAreMergedWithTheDefaultsAndReachTheWorker() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.worker-defaults.deployment.name=orders",
					"temporal.worker-defaults.deployment.build-id=1.0",
					"temporal.workers.greetings.deployment.use-versioning=true",
					"temporal.workers.greetings.deployment.build-id=1.4.2",
					"temporal.workers.greetings.deployment.default-versioning-behavior=auto-upgrade",
					"temporal.workers.audit.task-queue=audit-queue", "temporal.workers.audit.workflows=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WorkerFactory factory = context.getBean(WorkerFactory.class);
				WorkerDeploymentOptions greetings = factory.getWorker("greetings").getWorkerOptions().getDeploymentOptions();
				assertThat(greetings.isUsingVersioning()).isTrue();
				assertThat(greetings.getVersion().getDeploymentName()).isEqualTo("orders");
				assertThat(greetings.getVersion().getBuildId()).isEqualTo("1.4.2");
				assertThat(greetings.getDefaultVersioningBehavior())
					.isEqualTo(io.temporal.common.VersioningBehavior.AUTO_UPGRADE);
				// the defaults alone: the worker reports its version but is not versioned
				WorkerDeploymentOptions audit = factory.getWorker("audit-queue").getWorkerOptions().getDeploymentOptions();
				assertThat(audit.isUsingVersioning()).isFalse();
				assertThat(audit.getVersion().toCanonicalString()).isEqualTo("orders.1.0");
				assertThat(audit.getDefaultVersioningBehavior())
					.isEqualTo(io.temporal.common.VersioningBehavior.UNSPECIFIED);
			});
	}

	@Test
	void withoutDeploymentPropertiesTheWorkerReportsNoVersion() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("spring.application.name=billing")
			.run((context) -> assertThat(
					context.getBean(WorkerFactory.class).getWorker("greetings").getWorkerOptions().getDeploymentOptions())
				.isNull());
	}

	@Test
	void nameAndBuildIdDefaultToApplicationNameAndBuildInfo() {
		embeddedGreetingsRunner().withUserConfiguration(PinnedGreetingWorkflowImpl.class, BuildInfoConfiguration.class)
			.withPropertyValues("spring.application.name=billing",
					"temporal.worker-defaults.deployment.use-versioning=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WorkerDeploymentOptions options = context.getBean(WorkerFactory.class)
					.getWorker("greetings")
					.getWorkerOptions()
					.getDeploymentOptions();
				assertThat(options.getVersion().getDeploymentName()).isEqualTo("billing");
				assertThat(options.getVersion().getBuildId()).isEqualTo("2.3.4");
				assertThat(options.isUsingVersioning()).isTrue();
			});
	}

	@Test
	void workflowsRunOnAVersionedWorkerAndReportVersionAndBehaviour() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, PinnedGreetingWorkflowImpl.class,
				RecordingConfiguration.class)
			.withPropertyValues("temporal.workers.greetings.deployment.use-versioning=true",
					"temporal.workers.greetings.deployment.name=greeter",
					"temporal.workers.greetings.deployment.build-id=7",
					"temporal.workers.greetings.deployment.default-versioning-behavior=auto-upgrade")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<RespondWorkflowTaskCompletedRequest> completions = context.getBean(RecordingConfiguration.class).completions;

				// no annotation on the method: the worker's default behaviour
				assertThat(greet(context, "greetings", "Ada")).isEqualTo("Hello, Ada!");
				assertThat(completions).isNotEmpty().allSatisfy((completion) -> {
					assertThat(completion.getDeploymentOptions().getDeploymentName()).isEqualTo("greeter");
					assertThat(completion.getDeploymentOptions().getBuildId()).isEqualTo("7");
					assertThat(completion.getDeploymentOptions().getWorkerVersioningMode())
						.isEqualTo(WorkerVersioningMode.WORKER_VERSIONING_MODE_VERSIONED);
					assertThat(completion.getVersioningBehavior())
						.isEqualTo(VersioningBehavior.VERSIONING_BEHAVIOR_AUTO_UPGRADE);
				});

				// @WorkflowVersioningBehavior(PINNED) on the Spring bean's workflow method wins over the default
				completions.clear();
				assertThat(run(context, "PinnedGreet", "Bo")).isEqualTo("Hello from a pinned workflow, Bo");
				assertThat(completions).isNotEmpty()
					.allSatisfy((completion) -> assertThat(completion.getVersioningBehavior())
						.isEqualTo(VersioningBehavior.VERSIONING_BEHAVIOR_PINNED));
			});
	}

	@Test
	void versionedWorkerWithoutDefaultBehaviourAcceptsAnnotatedWorkflowsOnly() {
		embeddedGreetingsRunner().withUserConfiguration(PinnedGreetingWorkflowImpl.class)
			.withPropertyValues(versioned())
			.run((context) -> assertThat(context).hasNotFailed());
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues(versioned())
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("'greetingWorkflowImpl'")
					.contains("workflow type 'Greet' on task queue 'greetings', whose worker uses versioning")
					.contains("its method greet has no @WorkflowVersioningBehavior");
				assertThat(failure.getAction()).contains("@WorkflowVersioningBehavior(VersioningBehavior.PINNED)")
					.contains("deployment.default-versioning-behavior");
			});
	}

	@Test
	void versioningWithoutDeploymentNameFails() {
		embeddedGreetingsRunner().withUserConfiguration(PinnedGreetingWorkflowImpl.class)
			.withPropertyValues("temporal.workers.greetings.deployment.use-versioning=true",
					"temporal.workers.greetings.deployment.build-id=1")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("Worker temporal.workers.greetings uses versioning, but has "
						+ "no deployment name: temporal.workers.greetings.deployment.name is not set and neither is "
						+ "spring.application.name.");
				assertThat(failure.getAction()).contains("Set temporal.workers.greetings.deployment.name");
			});
	}

	@Test
	void versioningWithoutBuildIdFails() {
		embeddedGreetingsRunner().withUserConfiguration(PinnedGreetingWorkflowImpl.class)
			.withPropertyValues("temporal.workers.greetings.deployment.use-versioning=true",
					"spring.application.name=billing")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("uses versioning, but has no build id")
					.contains("no build info (META-INF/build-info.properties)");
				assertThat(failure.getAction()).contains("Set temporal.workers.greetings.deployment.build-id")
					.contains("build-info");
			});
	}

	@Test
	void applicationNameWithADotIsRefusedAsDeploymentName() {
		embeddedGreetingsRunner().withUserConfiguration(PinnedGreetingWorkflowImpl.class)
			.withPropertyValues("temporal.workers.greetings.deployment.use-versioning=true",
					"temporal.workers.greetings.deployment.build-id=1", "spring.application.name=billing.api")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("is 'billing.api' (from spring.application.name)");
				assertThat(failure.getAction()).contains("billing-api");
			});
	}

	@Test
	void unknownVersioningBehaviourFailsNamingTheProperty() {
		embeddedGreetingsRunner()
			.withPropertyValues(versioned("temporal.workers.greetings.deployment.default-versioning-behavior=sticky"))
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				BindException bind = findCause(failure, BindException.class);
				assertThat(bind.getProperty().getName().toString())
					.isEqualTo("temporal.workers.greetings.deployment.default-versioning-behavior");
				assertThat(bind.getProperty().getValue()).isEqualTo("sticky");
			});
	}

	private static String[] versioned(String... more) {
		List<String> properties = new ArrayList<>(List.of("temporal.workers.greetings.deployment.use-versioning=true",
				"temporal.workers.greetings.deployment.name=greeter", "temporal.workers.greetings.deployment.build-id=1"));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in the failure", failure);
	}

	private static String run(ApplicationContext context, String workflowType, String name) {
		return runWorkflow(context, workflowType, "greetings", name);
	}

	@Configuration(proxyBeanMethods = false)
	static class BuildInfoConfiguration {

		@Bean
		BuildProperties buildProperties() {
			Properties build = new Properties();
			build.setProperty("version", "2.3.4");
			return new BuildProperties(build);
		}

	}

	/** Records what the worker sends when it completes a workflow task, as the server receives it. */
	@Configuration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		final List<RespondWorkflowTaskCompletedRequest> completions = new CopyOnWriteArrayList<>();

		@Bean
		WorkflowServiceStubsOptionsCustomizer recordWorkflowTaskCompletions() {
			ClientInterceptor recorder = new ClientInterceptor() {
				@Override
				public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
						Channel next) {
					return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
						@Override
						public void sendMessage(Q message) {
							if (message instanceof RespondWorkflowTaskCompletedRequest completion) {
								RecordingConfiguration.this.completions.add(completion);
							}
							super.sendMessage(message);
						}
					};
				}
			};
			return (builder) -> builder.setGrpcClientInterceptors(List.of(recorder));
		}

	}

}
