package io.github.workerstarter.metrics;

import java.time.Duration;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.context.ApplicationContext;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TemporalMetricsAutoConfigurationTests {

	// counters reach the registry on the report loop; a short interval keeps the waits short
	private static final String FAST_REPORTING = "temporal.metrics.report-interval=100ms";

	@Test
	void backsOffWithoutMeterRegistry() {
		embeddedGreetingsRunner().run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Scope.class);
			assertThat(metricsScope(context)).isInstanceOf(NoopScope.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		embeddedGreetingsRunner().withBean(SimpleMeterRegistry.class)
			.withPropertyValues("temporal.metrics.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(Scope.class);
				assertThat(metricsScope(context)).isInstanceOf(NoopScope.class);
			});
	}

	@Test
	void usesTheApplicationsScope() {
		Scope own = new NoopScope();
		embeddedGreetingsRunner().withBean(SimpleMeterRegistry.class)
			.withBean("ownScope", Scope.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed().getBean(Scope.class).isSameAs(own);
				assertThat(metricsScope(context)).isSameAs(own);
			});
	}

	@Test
	void workflowAndActivityMetricsReachTheRegistryWithExtraTags() {
		MeterRegistry registry = new SimpleMeterRegistry();
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean(MeterRegistry.class, () -> registry)
			.withPropertyValues(FAST_REPORTING, "temporal.metrics.tags.app=greeter", "temporal.metrics.tags.region=eu")
			.run((context) -> {
				assertThat(greet(context, "greetings", "Ada")).isEqualTo("Hello, Ada!");
				Counter completed = await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.find("temporal_workflow_completed").tag("task_queue", "greetings").counter(),
							(counter) -> counter != null && counter.count() >= 1);
				assertThat(completed.count()).isEqualTo(1);
				assertThat(completed.getId().getTag("namespace")).isEqualTo("default");
				assertThat(completed.getId().getTag("workflow_type")).isEqualTo("Greet");
				assertThat(completed.getId().getTag("app")).isEqualTo("greeter");
				assertThat(completed.getId().getTag("region")).isEqualTo("eu");
				// timers are recorded at once
				Timer activity = registry.find("temporal_activity_execution_latency")
					.tag("activity_type", "GreetingCompose")
					.tag("app", "greeter")
					.timer();
				assertThat(activity).isNotNull();
				assertThat(activity.count()).isEqualTo(1);
			});
	}

	@Test
	void timersHaveNoHistogramBucketsUnlessAskedFor() {
		assertThat(scrapeAfterOneGreeting()).contains("temporal_activity_execution_latency_seconds_count{")
			.doesNotContain("temporal_activity_execution_latency_seconds_bucket{");
		assertThat(scrapeAfterOneGreeting("temporal.metrics.histograms=true"))
			.contains("temporal_activity_execution_latency_seconds_bucket{");
	}

	@Test
	void closingTheContextLeavesTheApplicationsRegistryOpen() {
		MeterRegistry registry = new SimpleMeterRegistry();
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean(MeterRegistry.class, () -> registry)
			.run((context) -> {
				greet(context, "greetings", "Ada");
				assertThat(context).hasSingleBean(Scope.class);
			});
		assertThat(registry.isClosed()).isFalse();
		// and what was pending when the scope closed was reported on the way out, with the 10 s default interval
		assertThat(registry.find("temporal_workflow_completed").tag("task_queue", "greetings").counter())
			.isNotNull()
			.extracting(Counter::count)
			.isEqualTo(1.0);
	}

	@Test
	void reportsIntoBootsRegistryAndHonoursItsHistogramSettings() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.withPropertyValues(
					"management.metrics.distribution.percentiles-histogram[temporal_activity_schedule_to_start_latency]=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Scope.class);
				greet(context, "greetings", "Ada");
				String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();
				// temporal.metrics.histograms=false leaves the choice to the registry's configuration
				assertThat(scrape).contains("temporal_activity_schedule_to_start_latency_seconds_bucket{")
					.contains("temporal_activity_execution_latency_seconds_count{")
					.doesNotContain("temporal_activity_execution_latency_seconds_bucket{");
			});
	}

	private static String scrapeAfterOneGreeting(String... properties) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean(MeterRegistry.class, () -> registry)
			.withPropertyValues(properties)
			.run((context) -> greet(context, "greetings", "Ada"));
		return registry.scrape();
	}

	private static Scope metricsScope(ApplicationContext context) {
		return context.getBean(WorkflowServiceStubs.class).getOptions().getMetricsScope();
	}

}
