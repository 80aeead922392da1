package io.github.workerstarter.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.lifecycle.TemporalWorkersLifecycle;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

/**
 * The {@code temporal} health contributor ({@code management.health.temporal.enabled}, on by default) and its
 * membership of the readiness group ({@code temporal.health.readiness}, on by default).
 */
@AutoConfiguration(after = TemporalWorkerAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, ServerProbe.class,
		io.temporal.serviceclient.WorkflowServiceStubs.class })
@ConditionalOnBean(ServerProbe.class)
@ConditionalOnEnabledHealthIndicator("temporal")
public final class TemporalHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "temporalHealthIndicator", "temporalHealthContributor" })
	TemporalHealthIndicator temporalHealthIndicator(ServerProbe probe, TemporalProperties properties,
			ObjectProvider<TemporalWorkersLifecycle> lifecycle, ObjectProvider<TemporalWorkerRegistry> registry) {
		return new TemporalHealthIndicator(probe, properties.health().timeout(), lifecycle, registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	@ConditionalOnProperty(prefix = "temporal.health", name = "readiness", matchIfMissing = true)
	static class ReadinessGroupConfiguration {

		@Bean
		static HealthEndpointGroupsPostProcessor temporalReadinessGroupMembership() {
			return new ReadinessGroupMembership("temporal");
		}

	}

}
