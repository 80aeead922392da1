package io.github.workerstarter.connection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.UnknownPropertiesCheck;
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
@AutoConfiguration
@ConditionalOnClass(WorkflowServiceStubs.class)
@EnableConfigurationProperties(TemporalProperties.class)
public final class TemporalConnectionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static UnknownPropertiesCheck temporalUnknownPropertiesCheck(Environment environment) {
		return new UnknownPropertiesCheck(environment);
	}

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean
	WorkflowServiceStubs temporalWorkflowServiceStubs(TemporalProperties properties,
			ObjectProvider<WorkflowServiceStubsOptionsCustomizer> customizers) {
		WorkflowServiceStubsOptions.Builder builder = WorkflowServiceStubsOptions.newBuilder();
		TemporalProperties.Connection connection = properties.connection();
		if (!properties.isEmbedded()) {
			builder.setTarget(ConnectionTarget.requireRemote(properties.target()));
			builder.setEnableHttps(connection.usesTls());
			String apiKey = connection.apiKey();
			if (apiKey != null) {
				builder.addApiKey(() -> apiKey);
			}
		}
		if (connection.rpcTimeout() != null) {
			builder.setRpcTimeout(connection.rpcTimeout());
		}
		// the embedded server, when present, sets its in-memory channel through a customizer of its own
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		WorkflowServiceStubsOptions options = builder.build();
		if (properties.isEmbedded() && options.getChannel() == null) {
			throw ConnectionTarget.embeddedServerMissing();
		}
		return WorkflowServiceStubs.newServiceStubs(options);
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
		String target = (properties.isEmbedded()) ? "embedded (in-process)"
				: (stubs.getOptions().getTarget() != null) ? stubs.getOptions().getTarget() : String.valueOf(properties.target());
		return new ServerProbe(stubs, client.getOptions().getNamespace(), target);
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowClient temporalWorkflowClient(WorkflowServiceStubs stubs, TemporalProperties properties,
			ObjectProvider<DataConverter> dataConverter, ObjectProvider<PayloadCodec> codecs,
			ObjectProvider<WorkflowClientInterceptor> interceptors,
			ObjectProvider<WorkflowClientOptionsCustomizer> customizers) {
		// the client's converter is also the workers' (they serialize through the client's options)
		WorkflowClientOptions.Builder builder = WorkflowClientOptions.newBuilder()
			.setDataConverter(PayloadConversion.dataConverter(dataConverter.getIfUnique(), codecs.orderedStream().toList()))
			.setNamespace(properties.namespace())
			.setIdentity(properties.connection().identity())
			.setInterceptors(interceptors.orderedStream().toArray(WorkflowClientInterceptor[]::new));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return WorkflowClient.newInstance(stubs, builder.build());
	}

}
