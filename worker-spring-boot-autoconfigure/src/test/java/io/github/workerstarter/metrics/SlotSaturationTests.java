package io.github.workerstarter.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import io.github.workerstarter.fixtures.slow.SlowActivitiesImpl;
import io.github.workerstarter.fixtures.slow.SlowFixtures;
import io.github.workerstarter.fixtures.slow.SlowWorkflow;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Slot saturation is published next to the SDK's slot gauges and follows the slots in use. */
class SlotSaturationTests {

	@Test
	void saturationIsTheShareOfSlotsInUsePerWorkerType() {
		MeterRegistry registry = new SimpleMeterRegistry();
		runner().withUserConfiguration(SlowBeans.class)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, () -> registry)
			.withPropertyValues("temporal.target=embedded", "temporal.workers.slow.max-concurrent-activities=4",
					"temporal.metrics.report-interval=100ms", "temporal.shutdown.drain-timeout=1s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SlowActivitiesImpl activities = context.getBean(SlowActivitiesImpl.class);
				WorkflowClient client = context.getBean(WorkflowClient.class);
				SlowWorkflow workflow = client.newWorkflowStub(SlowWorkflow.class,
						WorkflowOptions.newBuilder().setTaskQueue("slow").setWorkflowId("saturation").build());
				WorkflowClient.start(workflow::run, 2_000L);
				await().atMost(Duration.ofSeconds(10)).until(() -> activities.started.get() == 1);

				// one of four activity slots busy
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(gauge(registry, "temporal_worker_task_slots_saturation_percent",
							"ActivityWorker")).isEqualTo(25));
				assertThat(gauge(registry, "temporal_worker_task_slots_used", "ActivityWorker")).isEqualTo(1);
				assertThat(gauge(registry, "temporal_worker_task_slots_available", "ActivityWorker")).isEqualTo(3);
				assertThat(registry.get("temporal_worker_task_slots_saturation_percent")
					.tag("worker_type", "ActivityWorker")
					.gauge()
					.getId()
					.getTag("namespace")).isEqualTo("default");
				// and back to none once it is done
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(gauge(registry, "temporal_worker_task_slots_saturation_percent",
							"ActivityWorker")).isZero());
			});
	}

	// NaN while the gauge is absent
	private static double gauge(MeterRegistry registry, String name, String workerType) {
		Gauge gauge = registry.find(name).tag("task_queue", "slow").tag("worker_type", workerType).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

	/** The slow workflow and activity, without the fixture's own application configuration. */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = SlowFixtures.class,
			excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SlowFixtures.class))
	static class SlowBeans {

	}

}
