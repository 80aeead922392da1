package io.github.workerstarter.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.lifecycle.TemporalWorkerStates;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.client.WorkflowClient;

/**
 * Gauges of the workers' own state ({@link TemporalWorkerMeterBinder}) in every application registry. Needs
 * Micrometer and the starter's workers; off with {@code temporal.metrics.enabled=false}, like the SDK's metrics.
 */
@AutoConfiguration(after = TemporalWorkerAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, WorkflowClient.class })
@ConditionalOnBean({ TemporalWorkerRegistry.class, TemporalWorkerStates.class, WorkflowClient.class })
@ConditionalOnBooleanProperty(name = "temporal.metrics.enabled", matchIfMissing = true)
public final class TemporalWorkerMetricsAutoConfiguration {

	// a MeterBinder: Boot binds it to every MeterRegistry of the application
	@Bean
	@ConditionalOnMissingBean
	TemporalWorkerMeterBinder temporalWorkerMeterBinder(TemporalWorkerRegistry registry,
			TemporalWorkerStates states) {
		return new TemporalWorkerMeterBinder(registry, states);
	}

}
