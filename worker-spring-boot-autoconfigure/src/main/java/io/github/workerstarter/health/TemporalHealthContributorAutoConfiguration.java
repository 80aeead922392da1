package io.github.workerstarter.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.workerstarter.config.NamespaceAliases;
import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.connection.TemporalNamespaces;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.lifecycle.TemporalWorkerStates;
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
	@Conditional(OnFurtherNamespaces.None.class)
	TemporalHealthIndicator temporalHealthIndicator(ServerProbe probe, TemporalProperties properties,
			ObjectProvider<TemporalWorkerStates> states, ObjectProvider<TemporalWorkerRegistry> registry) {
		return new TemporalHealthIndicator(probe, properties.health().timeout(), states, registry);
	}

	/**
	 * With {@code temporal.namespaces}: one {@code temporal} contributor with a component per namespace alias
	 * ({@code temporal/main}, {@code temporal/billing}), so a DOWN shows which namespace's server is gone.
	 */
	@Bean
	@ConditionalOnMissingBean(name = { "temporalHealthIndicator", "temporalHealthContributor" })
	@Conditional(OnFurtherNamespaces.Some.class)
	CompositeHealthContributor temporalHealthContributor(TemporalNamespaces namespaces, TemporalProperties properties,
			ObjectProvider<TemporalWorkerStates> states, ObjectProvider<TemporalWorkerRegistry> registry) {
		Map<String, HealthContributor> components = new LinkedHashMap<>();
		namespaces.all()
			.forEach((namespace) -> components.put(namespace.alias(), new TemporalHealthIndicator(namespace.alias(),
					namespace.probe(), properties.health().timeout(), states, registry)));
		return CompositeHealthContributor.fromMap(components);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	@ConditionalOnProperty(prefix = "temporal.health", name = "readiness", matchIfMissing = true)
	static class ReadinessGroupConfiguration {

		@Bean
		static HealthEndpointGroupsPostProcessor temporalReadinessGroupMembership(Environment environment) {
			return new ReadinessGroupMembership(readinessMembers(environment));
		}

		// the whole contributor, unless some namespace keeps out of readiness: then the components that count
		static List<String> readinessMembers(Environment environment) {
			Set<String> aliases = NamespaceAliases.read(environment);
			List<String> members = new ArrayList<>(List.of("temporal/" + NamespaceProperties.MAIN));
			for (String alias : aliases) {
				if (environment.getProperty("temporal.namespaces." + alias + ".health.readiness", Boolean.class, true)) {
					members.add("temporal/" + alias);
				}
			}
			return (aliases.isEmpty() || members.size() == aliases.size() + 1) ? List.of("temporal") : members;
		}

	}

}
