package io.github.workerstarter.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.determinism.WorkflowDeterminismGuard;
import io.github.workerstarter.lifecycle.TemporalWorkerStates;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.connection.TemporalNamespaces;
import io.github.workerstarter.plugin.TemporalPlugins;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.client.WorkflowClient;

/**
 * The {@code temporal} actuator endpoint ({@link TemporalEndpoint}), when it is available (enabled and exposed, e.g.
 * {@code management.endpoints.web.exposure.include=temporal}).
 */
@AutoConfiguration(after = TemporalWorkerAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class, WorkflowClient.class })
@ConditionalOnBean({ ServerProbe.class, WorkflowClient.class })
@ConditionalOnAvailableEndpoint(TemporalEndpoint.class)
@EnableConfigurationProperties(TemporalEndpointProperties.class)
public final class TemporalEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TemporalEndpoint temporalEndpoint(ServerProbe probe, WorkflowClient client,
			ObjectProvider<TemporalWorkerRegistry> registry, ObjectProvider<TemporalWorkerStates> states,
			TemporalEndpointProperties properties, ObjectProvider<TemporalProperties> temporalProperties,
			ObjectProvider<TemporalNamespaces> namespaces, ObjectProvider<WorkflowDeterminismGuard> determinism,
			ObjectProvider<TemporalPlugins> plugins) {
		TemporalProperties temporal = temporalProperties.getIfAvailable();
		Map<String, ServerProbe> further = new LinkedHashMap<>();
		TemporalNamespaces all = namespaces.getIfAvailable();
		if (all != null) {
			all.all().stream().filter((namespace) -> !namespace.isMain())
				.forEach((namespace) -> further.put(namespace.alias(), namespace.probe()));
		}
		return new TemporalEndpoint(probe, client.getOptions().getIdentity(), registry, states,
				properties.writeOperationsEnabled(), (temporal != null) ? temporal.activities() : Map.of(), further,
				(implementation) -> DeterminismDescriptor.of(determinism.getIfAvailable(), implementation), plugins);
	}

}
