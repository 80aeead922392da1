package io.github.workerstarter.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.connection.WorkflowServiceStubsOptionsCustomizer;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Publishes the Temporal SDK's own metrics (worker polls, task latencies, workflow and activity outcomes, all named
 * {@code temporal_*}) to the application's {@link MeterRegistry}, so Actuator's Prometheus endpoint and every other
 * Micrometer backend show them.
 *
 * <p>The SDK reports through a tally {@link Scope}; this configuration builds one over the registry and sets it on
 * the {@code WorkflowServiceStubs} options, from which the client and the workers take it. Runs after Boot's
 * metrics auto-configuration (so the registry is known) and backs off without a registry, with
 * {@code temporal.metrics.enabled=false}, or, for the scope only, when the application defines its own
 * {@link Scope} bean (which is then used instead).
 */
@AutoConfiguration(before = TemporalConnectionAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, MicrometerClientStatsReporter.class, WorkflowServiceStubs.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "temporal.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TemporalMetricsProperties.class)
public final class TemporalMetricsAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Scope temporalMetricsScope(MeterRegistry registry, TemporalMetricsProperties properties) {
		// closing the scope reports what is pending once more; the registry itself stays open
		// the SDK's metrics, and slot saturation derived from its slot gauges
		return new RootScopeBuilder()
			.reporter(new SlotSaturationReporter(new ApplicationRegistryStatsReporter(registry, properties.histograms())))
			.tags(properties.tags())
			.reportEvery(com.uber.m3.util.Duration.ofNanos(properties.reportInterval().toNanos()));
	}

	@Bean
	@ConditionalOnMissingBean(name = "temporalMetricsScopeCustomizer")
	WorkflowServiceStubsOptionsCustomizer temporalMetricsScopeCustomizer(Scope temporalMetricsScope) {
		// the embedded server's customizer sets the channel; this one only adds the scope
		return (builder) -> builder.setMetricsScope(temporalMetricsScope);
	}

}
