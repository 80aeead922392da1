package io.github.workerstarter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

class TemporalWorkerMeterBinderTests {

	private static ApplicationContextRunner runner(MeterRegistry registry) {
		return embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, TemporalWorkerMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, () -> registry);
	}

	@Test
	void gaugesFollowTheWorkerFromRunningToSuspended() {
		MeterRegistry registry = new SimpleMeterRegistry();
		runner(registry).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TemporalWorkerMeterBinder.class);
			assertThat(state(registry, "running")).isEqualTo(1);
			assertThat(state(registry, "suspended")).isZero();
			assertThat(state(registry, "starting")).isZero();
			assertThat(gauge(registry, "temporal_worker_suspended")).isZero();
			assertThat(gauge(registry, "temporal_worker_activities_in_flight")).isZero();
			assertThat(registry.get("temporal_worker_state").tag("task_queue", "greetings").gauges())
				.hasSize(7)
				.allSatisfy((gauge) -> assertThat(gauge.getId().getTag("namespace")).isEqualTo("default"));
			assertThat(greet(context, "greetings", "Ada")).isEqualTo("Hello, Ada!");

			context.stop();
			assertThat(state(registry, "suspended")).isEqualTo(1);
			assertThat(state(registry, "running")).isZero();
			assertThat(gauge(registry, "temporal_worker_suspended")).isEqualTo(1);

			context.start();
			assertThat(state(registry, "running")).isEqualTo(1);
			assertThat(gauge(registry, "temporal_worker_suspended")).isZero();
		});
	}

	@Test
	void aRegistryBoundAfterStartupGetsTheGaugesToo() {
		runner(new SimpleMeterRegistry()).run((context) -> {
			MeterRegistry late = new SimpleMeterRegistry();
			context.getBean(TemporalWorkerMeterBinder.class).bindTo(late);
			assertThat(state(late, "running")).isEqualTo(1);
		});
	}

	@Test
	void eachWorkerIsRegisteredOncePerRegistry() {
		MeterRegistry registry = new SimpleMeterRegistry();
		runner(registry).run((context) -> {
			// a second refresh event (e.g. from a child context) adds nothing
			context.publishEvent(new org.springframework.context.event.ContextRefreshedEvent(context));
			assertThat(registry.find("temporal_worker_suspended").gauges()).hasSize(1);
		});
	}

	@Test
	void backsOffWhenMetricsAreDisabled() {
		runner(new SimpleMeterRegistry()).withPropertyValues("temporal.metrics.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TemporalWorkerMeterBinder.class));
	}

	private static double state(MeterRegistry registry, String state) {
		return registry.get("temporal_worker_state").tag("task_queue", "greetings").tag("state", state).gauge().value();
	}

	private static double gauge(MeterRegistry registry, String name) {
		Gauge gauge = registry.get(name).tag("task_queue", "greetings").tag("namespace", "default").gauge();
		return gauge.value();
	}

}
