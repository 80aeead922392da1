package io.github.workerstarter.test.environment;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.connection.WorkflowServiceStubsOptionsCustomizer;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration;
import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.github.workerstarter.test.app.CarrierActivitiesImpl;
import io.github.workerstarter.test.app.DepotConfiguration;
import io.github.workerstarter.test.app.LocalCarrierGateway;
import io.github.workerstarter.test.app.PackingActivitiesImpl;
import io.github.workerstarter.test.app.ShipmentWorkflowImpl;
import io.github.workerstarter.test.app.ShippingSettings;
import io.github.workerstarter.test.await.WorkflowAwaitAutoConfiguration;
import io.github.workerstarter.test.replay.ProducedHistoriesCheck;
import io.github.workerstarter.test.replay.ReplayResult;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.github.workerstarter.worker.WorkerFactoryOptionsCustomizer;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestWorkflowEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test environment's auto-configuration: what it replaces, what it keeps from the application (converter,
 * interceptors, customizers), and its switches.
 */
class TestEnvironmentAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
			TemporalTestPropertiesAutoConfiguration.class, TestEnvironmentAutoConfiguration.class,
			EmbeddedServerAutoConfiguration.class, TemporalConnectionAutoConfiguration.class,
			TemporalWorkerAutoConfiguration.class, WorkflowAwaitAutoConfiguration.class));

	@Test
	void replacesTheEmbeddedServerAndNeedsNoTarget() {
		this.runner.withPropertyValues("temporal.target=embedded").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TestWorkflowEnvironment.class);
			WorkflowServiceStubs environmentStubs = context.getBean(TestWorkflowEnvironment.class).getWorkflowServiceStubs();
			assertThat(context.getBean(WorkflowServiceStubs.class)).isSameAs(environmentStubs);
			// no second server: the bean a test of the embedded server injects is the environment's server
			assertThat(context.getBean(EmbeddedTemporalServer.class).channel()).isSameAs(environmentStubs.getRawChannel());
		});
		this.runner.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TestWorkflowEnvironment.class));
	}

	@Test
	void stickyExecutionStaysOnAlthoughTheServerIsTheSdksTestServer() {
		// a remote target is replaced too; the in-process server goes away with the context, so nothing is stranded
		this.runner.withUserConfiguration(ShippingWorkers.class)
			.withPropertyValues("temporal.target=temporal.example.com:7233", "temporal.workers.shipping.task-queue=shipping")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				io.temporal.worker.WorkerFactory factory = context.getBean(io.temporal.worker.WorkerFactory.class);
				assertThat(factory.getWorker("shipping").getWorkerOptions().getStickyQueueScheduleToStartTimeout())
					.isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void furtherNamespacesShareTheEnvironmentAndSkipTimeToo() {
		// the shipment workflow sleeps a day before it ends; waiting through the billing client must skip that too
		this.runner.withUserConfiguration(ShippingWorkers.class)
			.withPropertyValues("temporal.namespaces.billing.namespace=billing-test",
					"temporal.workers.billing-shipping.namespace=billing",
					"temporal.workers.billing-shipping.task-queue=shipping", "shipping.handling-time=1d")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WorkflowClient billing = context.getBean("billingWorkflowClient", WorkflowClient.class);
				assertThat(billing.getOptions().getNamespace()).isEqualTo("billing-test");
				WorkflowStub shipment = billing.newUntypedWorkflowStub("ShipmentWorkflow",
						WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId("billing-shipment").build());
				shipment.start("p-1");
				assertThat(shipment.getResult(60, TimeUnit.SECONDS, String.class)).isNotBlank();
				// the replay check finds the history in its namespace (the listing does not say which)
				assertThat(context.getBean(ProducedHistoriesCheck.class).checkNewHistories())
					.anySatisfy((result) -> assertThat(result.workflowId()).isEqualTo("billing-shipment"))
					.noneMatch(ReplayResult::failed);
			});
	}

	@Test
	void switchedOffTheApplicationConnectsAsConfigured() {
		this.runner.withPropertyValues("temporal.target=embedded", "temporal.test.environment.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TestWorkflowEnvironment.class)
				.hasSingleBean(EmbeddedTemporalServer.class));
	}

	@Test
	void theApplicationsOwnEnvironmentIsUsed() {
		TestWorkflowEnvironment own = TestWorkflowEnvironment.newInstance();
		this.runner.withBean(TestWorkflowEnvironment.class, () -> own).run((context) -> {
			assertThat(context.getBean(TestWorkflowEnvironment.class)).isSameAs(own);
			assertThat(context.getBean(WorkflowServiceStubs.class)).isSameAs(own.getWorkflowServiceStubs());
		});
	}

	@Test
	void theEnvironmentGetsTheApplicationsConverterInterceptorsAndCustomizers() {
		this.runner.withUserConfiguration(ApplicationOptions.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ApplicationOptions options = context.getBean(ApplicationOptions.class);
			WorkflowClient client = context.getBean(WorkflowClient.class);
			// the application's converter, behind the starter's payload size limit
			assertThat(client.getOptions().getDataConverter())
				.isInstanceOfSatisfying(io.github.workerstarter.payload.PayloadSizeLimitingDataConverter.class,
						(limited) -> assertThat(limited.delegate()).isSameAs(options.converter));
			assertThat(client.getOptions().getInterceptors()).contains(options.clientInterceptor);
			assertThat(context.getBean(TestWorkflowEnvironment.class).getWorkflowServiceStubs().getOptions()
				.getRpcTimeout()).isEqualTo(Duration.ofSeconds(7));
			assertThat(options.workerInterceptorInFactory).isTrue();
		});
	}

	@Test
	void withoutTimeSkippingATimerTakesRealTime() {
		this.runner.withUserConfiguration(ShippingWorkers.class)
			.withPropertyValues("temporal.workers.shipping.task-queue=shipping",
					"temporal.test.environment.time-skipping=false")
			.run((context) -> {
				WorkflowStub shipment = context.getBean(WorkflowClient.class)
					.newUntypedWorkflowStub("ShipmentWorkflow",
							WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId("real-time").build());
				shipment.start("p-1");
				// a day-long timer cannot pass in two seconds of real time
				assertThatExceptionOfType(TimeoutException.class)
					.isThrownBy(() -> shipment.getResult(2, TimeUnit.SECONDS, String.class));
			});
	}

	@Test
	void theClockStartsWhereConfigured() {
		this.runner.withPropertyValues("temporal.test.environment.initial-time=2031-01-01T00:00:00Z")
			.run((context) -> assertThat(context.getBean(TestWorkflowEnvironment.class).currentTimeMillis())
				.isGreaterThanOrEqualTo(Instant.parse("2031-01-01T00:00:00Z").toEpochMilli()));
	}

	@Test
	void customizersAdjustTheEnvironmentsOptions() {
		this.runner.withPropertyValues("temporal.test.environment.initial-time=2031-01-01T00:00:00Z")
			.withBean(TestEnvironmentOptionsCustomizer.class, () -> (builder) -> builder
				.setInitialTime(Instant.parse("2040-01-01T00:00:00Z"))
				.registerSearchAttribute("CustomerTier", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD))
			.run((context) -> {
				TestWorkflowEnvironment environment = context.getBean(TestWorkflowEnvironment.class);
				assertThat(environment.currentTimeMillis())
					.isGreaterThanOrEqualTo(Instant.parse("2040-01-01T00:00:00Z").toEpochMilli());
				// already registered by the customizer
				assertThat(environment.registerSearchAttribute("CustomerTier",
						IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)).isFalse();
			});
	}

	@Test
	void theTestPropertiesAreKnownAndATypoStillFails() {
		this.runner
			.withPropertyValues("temporal.test.replay.enabled=false", "temporal.test.await-timeout=5s",
					"temporal.test.environment.time-skipping=true")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("temporal.test.replay.enabeld=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WorkerConfigurationException.class)
				.hasMessageContaining("temporal.test.replay.enabeld");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ShippingSettings.class)
	@Import({ ShipmentWorkflowImpl.class, PackingActivitiesImpl.class, CarrierActivitiesImpl.class,
			LocalCarrierGateway.class, DepotConfiguration.class })
	static class ShippingWorkers {

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationOptions {

		final DataConverter converter = DefaultDataConverter.newDefaultInstance();

		final WorkflowClientInterceptor clientInterceptor = new WorkflowClientInterceptorBase();

		final WorkerInterceptor workerInterceptor = new WorkerInterceptorBase();

		volatile boolean workerInterceptorInFactory;

		@Bean
		DataConverter dataConverter() {
			return this.converter;
		}

		@Bean
		WorkflowClientInterceptor clientInterceptor() {
			return this.clientInterceptor;
		}

		@Bean
		WorkerInterceptor workerInterceptor() {
			return this.workerInterceptor;
		}

		@Bean
		WorkflowServiceStubsOptionsCustomizer rpcTimeout() {
			return (builder) -> builder.setRpcTimeout(Duration.ofSeconds(7));
		}

		@Bean
		WorkerFactoryOptionsCustomizer seesTheInterceptor() {
			return (builder) -> this.workerInterceptorInFactory = java.util.Arrays
				.asList(builder.build().getWorkerInterceptors())
				.contains(this.workerInterceptor);
		}

	}

}
