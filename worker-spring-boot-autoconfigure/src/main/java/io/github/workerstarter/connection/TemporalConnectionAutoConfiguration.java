package io.github.workerstarter.connection;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.UnknownPropertiesCheck;
import io.github.workerstarter.migration.OfficialStarterPropertiesCheck;
import io.grpc.ManagedChannelBuilder;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * The connection to Temporal: {@link WorkflowServiceStubs} (gRPC) and the {@link WorkflowClient}. Each bean backs
 * off for one the application defines. The stubs connect lazily, so building them never blocks startup.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass(WorkflowServiceStubs.class)
@EnableConfigurationProperties(TemporalProperties.class)
public final class TemporalConnectionAutoConfiguration {

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
			ObjectProvider<WorkflowServiceStubsOptionsCustomizer> customizers) {
		TemporalProperties.Connection connection = properties.connection();
		EnvConfigProfile profile = envConfigProfile.getIfAvailable();
		// with a profile, our properties are already laid over it (target, API key, tls=false)
		WorkflowServiceStubsOptions.Builder builder = (profile != null)
				? WorkflowServiceStubsOptions.newBuilder(profile.stubsOptions()) : WorkflowServiceStubsOptions.newBuilder();
		if (!properties.isEmbedded()) {
			if (profile == null) {
				builder.setTarget(ConnectionTarget.requireRemote(properties.target()));
				builder.setEnableHttps(connection.usesTls());
				String apiKey = connection.apiKey();
				if (apiKey != null) {
					builder.addApiKey(() -> apiKey);
				}
			}
			else {
				builder.setTarget(ConnectionTarget.requireRemote(profile.address(), profile.description()));
				if (connection.tls() != null || connection.sslBundle() != null) {
					builder.setEnableHttps(connection.usesTls());
				}
			}
			if (connection.sslBundle() != null) {
				builder.setSslContext(SslBundleTls.sslContext(connection.sslBundle(), sslBundles.getIfAvailable()));
			}
		}
		// the embedded server, when present, sets its in-memory channel through a customizer of its own
		ConnectionOptions.applyCommon(connection, builder, customizers.orderedStream().toList());
		WorkflowServiceStubsOptions options = withServerName(builder.build(), connection.serverName());
		if (properties.isEmbedded() && options.getChannel() == null) {
			throw ConnectionTarget.embeddedServerMissing();
		}
		WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(options);
		SslBundles bundles = sslBundles.getIfAvailable();
		// a customizer may have replaced our context; then reloading is the customizer's business
		if (connection.sslBundle() != null && bundles != null
				&& options.getSslContext() instanceof ReloadableSslContext reloadable) {
			SslBundleTls.reloadOnUpdate(connection.sslBundle(), bundles, reloadable, stubs.getRawChannel());
		}
		return stubs;
	}

	// applied after the customizers and composed with any channel initializer they set, so neither loses
	static WorkflowServiceStubsOptions withServerName(WorkflowServiceStubsOptions options, @Nullable String serverName) {
		if (serverName == null) {
			return options;
		}
		String authority = serverName.trim();
		Consumer<ManagedChannelBuilder<?>> previous = options.getChannelInitializer();
		return WorkflowServiceStubsOptions.newBuilder(options).setChannelInitializer((channel) -> {
			if (previous != null) {
				previous.accept(channel);
			}
			// the authority is what gRPC's TLS handshake checks the certificate against and sends as SNI
			channel.overrideAuthority(authority);
		}).build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("temporal.env-config.enabled")
	EnvConfigProfile temporalEnvConfigProfile(TemporalProperties properties, ResourceLoader resourceLoader) {
		return EnvConfigProfile.load(properties, resourceLoader.getClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	ScheduleClient temporalScheduleClient(WorkflowServiceStubs stubs, WorkflowClient client) {
		// same namespace, identity, data converter and propagators as the workflow client
		WorkflowClientOptions options = client.getOptions();
		return ScheduleClient.newInstance(stubs, ScheduleClientOptions.newBuilder()
			.setNamespace(options.getNamespace())
			.setIdentity(options.getIdentity())
			.setDataConverter(options.getDataConverter())
			.setContextPropagators(options.getContextPropagators())
			.build());
	}

	@Bean
	@ConditionalOnMissingBean
	ServerProbe temporalServerProbe(WorkflowServiceStubs stubs, WorkflowClient client, TemporalProperties properties) {
		return new ServerProbe(stubs, client.getOptions().getNamespace(), targetDescription(stubs, properties));
	}

	private static String targetDescription(WorkflowServiceStubs stubs, TemporalProperties properties) {
		return (properties.isEmbedded()) ? "embedded (in-process)"
				: (stubs.getOptions().getTarget() != null) ? stubs.getOptions().getTarget() : String.valueOf(properties.target());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowClient temporalWorkflowClient(WorkflowServiceStubs stubs, TemporalProperties properties,
			Environment environment, ObjectProvider<EnvConfigProfile> envConfigProfile,
			ObjectProvider<DataConverter> dataConverter, ObjectProvider<PayloadCodec> codecs,
			ObjectProvider<WorkflowClientInterceptor> interceptors,
			ObjectProvider<WorkflowClientOptionsCustomizer> customizers) {
		return WorkflowClient.newInstance(stubs, ConnectionOptions.workflowClient(properties, environment,
				envConfigProfile.getIfAvailable(), dataConverter.getIfUnique(), codecs.orderedStream().toList(),
				interceptors.orderedStream().toList(), customizers.orderedStream().toList()));
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
