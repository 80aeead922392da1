package io.github.workerstarter.connection;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.UnknownPropertiesCheck;
import io.github.workerstarter.migration.OfficialStarterPropertiesCheck;
import io.github.workerstarter.plugin.PluginOptions;
import io.github.workerstarter.plugin.TemporalPlugins;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;

/**
 * The connection to Temporal: {@link WorkflowServiceStubs} (gRPC) and the {@link WorkflowClient}. Each bean backs
 * off for one the application defines. The stubs connect lazily, so building them never blocks startup.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass(WorkflowServiceStubs.class)
@EnableConfigurationProperties(TemporalProperties.class)
@Import(NamespaceBeansRegistrar.class)
public final class TemporalConnectionAutoConfiguration {

	private static final Log logger = LogFactory.getLog(TemporalConnectionAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	static UnknownPropertiesCheck temporalUnknownPropertiesCheck(Environment environment) {
		return new UnknownPropertiesCheck(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	static OfficialStarterPropertiesCheck temporalOfficialStarterPropertiesCheck(Environment environment) {
		return new OfficialStarterPropertiesCheck(environment);
	}

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean
	WorkflowServiceStubs temporalWorkflowServiceStubs(TemporalProperties properties,
			ObjectProvider<EnvConfigProfile> envConfigProfile, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WorkflowServiceStubsOptionsCustomizer> customizers, TemporalPlugins plugins,
			TemporalConnectionDetails details) {
		WorkflowServiceStubsPlugin[] onStubs = plugins.forServiceStubs(TemporalPlugins.sharingMainConnection(properties));
		if (!(details instanceof PropertiesTemporalConnectionDetails)) {
			// a service connection (Docker Compose, Testcontainers) or the application's own details
			String source = ServiceConnections.describe(details);
			logger.info("Temporal connection from " + source + ": " + details.getTarget());
			return ServiceStubsFactory.create(details, source, properties.connection(),
					customizers.orderedStream().toList(), onStubs);
		}
		return ServiceStubsFactory.create(ConnectionSettings.main(properties), envConfigProfile.getIfAvailable(),
				sslBundles.getIfAvailable(), customizers.orderedStream().toList(), onStubs);
	}

	@Bean
	@ConditionalOnMissingBean(TemporalConnectionDetails.class)
	PropertiesTemporalConnectionDetails temporalConnectionDetails(TemporalProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesTemporalConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	// the SDK's plugin beans, in @Order, applied once each at the highest level they fit in every namespace
	@Bean
	@ConditionalOnMissingBean
	TemporalPlugins temporalPlugins(ConfigurableListableBeanFactory beanFactory, Environment environment,
			TemporalProperties properties) {
		List<String> aliases = new ArrayList<>(List.of(NamespaceProperties.MAIN));
		aliases.addAll(properties.namespaces().keySet());
		return TemporalPlugins.find(beanFactory, environment, aliases);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("temporal.env-config.enabled")
	EnvConfigProfile temporalEnvConfigProfile(TemporalProperties properties, ResourceLoader resourceLoader) {
		return EnvConfigProfile.load(properties, resourceLoader.getClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	ScheduleClient temporalScheduleClient(WorkflowServiceStubs stubs, WorkflowClient client,
			ObjectProvider<TemporalPlugins> plugins) {
		// same namespace, identity, data converter and propagators as the workflow client
		return ConnectionOptions.scheduleClient(stubs, client, plugins.getIfAvailable(TemporalPlugins::none)
			.forScheduleClient(NamespaceProperties.MAIN, stubs.getOptions().getPlugins()));
	}

	@Bean
	@ConditionalOnMissingBean
	TemporalNamespaces temporalNamespaces(WorkflowServiceStubs stubs, WorkflowClient client,
			ScheduleClient scheduleClient, ServerProbe probe, TemporalProperties properties,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<WorkflowServiceStubsOptionsCustomizer> stubsCustomizers,
			ObjectProvider<DataConverter> dataConverter, ObjectProvider<PayloadCodec> codecs,
			ObjectProvider<WorkflowClientInterceptor> interceptors,
			ObjectProvider<WorkflowClientOptionsCustomizer> clientCustomizers, ObjectProvider<TemporalPlugins> plugins) {
		NamespaceConnection main = new NamespaceConnection(NamespaceProperties.MAIN, client.getOptions().getNamespace(),
				stubs, client, scheduleClient, probe);
		return new NamespaceConnections(properties, beanFactory, sslBundles.getIfAvailable(),
				stubsCustomizers.orderedStream().toList(), dataConverter.getIfUnique(), codecs.orderedStream().toList(),
				interceptors.orderedStream().toList(), clientCustomizers.orderedStream().toList())
			.build(main, plugins.getIfAvailable(TemporalPlugins::none));
	}

	@Bean
	@ConditionalOnMissingBean
	ServerProbe temporalServerProbe(WorkflowServiceStubs stubs, WorkflowClient client, TemporalProperties properties) {
		return new ServerProbe(stubs, client.getOptions().getNamespace(), targetDescription(stubs, properties));
	}

	private static String targetDescription(WorkflowServiceStubs stubs, TemporalProperties properties) {
		// the in-process server's stubs have a channel and no target; a service connection's have its address
		return (stubs.getOptions().getTarget() != null) ? stubs.getOptions().getTarget()
				: (properties.isEmbedded()) ? "embedded (in-process)" : String.valueOf(properties.target());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowClient temporalWorkflowClient(WorkflowServiceStubs stubs, TemporalProperties properties,
			Environment environment, ObjectProvider<EnvConfigProfile> envConfigProfile,
			ObjectProvider<DataConverter> dataConverter, ObjectProvider<PayloadCodec> codecs,
			ObjectProvider<WorkflowClientInterceptor> interceptors,
			ObjectProvider<WorkflowClientOptionsCustomizer> customizers, ObjectProvider<TemporalPlugins> plugins,
			ObjectProvider<TemporalConnectionDetails> details) {
		WorkflowClientOptions options = ServiceConnections.withNamespace(ConnectionOptions.workflowClient(properties,
				environment, envConfigProfile.getIfAvailable(), dataConverter.getIfUnique(),
				codecs.orderedStream().toList(), interceptors.orderedStream().toList(),
				customizers.orderedStream().toList()), details.getIfAvailable());
		// the SDK applies them when it builds the client: after the properties and the customizers
		return WorkflowClient.newInstance(stubs, PluginOptions.with(options, plugins.getIfAvailable(TemporalPlugins::none)
			.forWorkflowClient(NamespaceProperties.MAIN, stubs.getOptions().getPlugins())));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("temporal.client.call-timeout")
	ClientCallTimeoutInterceptor temporalClientCallTimeoutInterceptor(ObjectProvider<WorkflowServiceStubs> stubs,
			TemporalProperties properties) {
		// looked up at the first call: a test environment builds its stubs with the client interceptors
		return new ClientCallTimeoutInterceptor(properties.client().callTimeout(),
				() -> stubs.getObject().getRawChannel(), () -> targetDescription(stubs.getObject(), properties));
	}

}
