package io.github.workerstarter.connection;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.github.workerstarter.config.TemporalProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleClientPlugin;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * The options the starter gives the SDK's service stubs and workflow client. The connection auto-configuration builds
 * its beans from them, and so does whatever creates the stubs and the client in its stead (the test module's
 * {@code TestWorkflowEnvironment}), so both get the same converter, codecs, interceptors, customizers and metrics.
 */
public final class ConnectionOptions {

	private ConnectionOptions() {
	}

	/**
	 * Stubs options for a server reached through an in-memory channel that the caller sets: no target, no TLS; the
	 * RPC timeout, keep-alive and every customizer (the metrics scope among them) apply as for a remote server.
	 * @param properties the starter's properties
	 * @param customizers the customizer beans, in order
	 * @return the builder, ready for the channel
	 */
	public static WorkflowServiceStubsOptions.Builder inProcessServiceStubs(TemporalProperties properties,
			List<WorkflowServiceStubsOptionsCustomizer> customizers) {
		return applyCommon(properties.connection(), WorkflowServiceStubsOptions.newBuilder(), customizers);
	}

	/** What remote and in-process stubs share: RPC timeout and keep-alive from properties, then the customizers. */
	static WorkflowServiceStubsOptions.Builder applyCommon(TemporalProperties.Connection connection,
			WorkflowServiceStubsOptions.Builder builder, List<WorkflowServiceStubsOptionsCustomizer> customizers) {
		if (connection.rpcTimeout() != null) {
			builder.setRpcTimeout(connection.rpcTimeout());
		}
		applyKeepAlive(connection.keepAlive(), builder);
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	private static void applyKeepAlive(TemporalProperties.KeepAlive keepAlive, WorkflowServiceStubsOptions.Builder builder) {
		if (keepAlive.enabled() != null) {
			builder.setEnableKeepAlive(keepAlive.enabled());
		}
		if (keepAlive.time() != null) {
			builder.setKeepAliveTime(keepAlive.time());
		}
		if (keepAlive.timeout() != null) {
			builder.setKeepAliveTimeout(keepAlive.timeout());
		}
		if (keepAlive.permitWithoutStream() != null) {
			builder.setKeepAlivePermitWithoutStream(keepAlive.permitWithoutStream());
		}
	}

	/**
	 * The workflow client's options: converter (the application's, with its codecs), namespace, identity,
	 * interceptors, then the customizers. The client's converter is also the workers' (they serialize through the
	 * client's options).
	 * @param properties the starter's properties
	 * @param environment for telling a set {@code temporal.namespace} from its default
	 * @param profile the Temporal CLI profile, when enabled
	 * @param dataConverter the application's converter, if it has exactly one
	 * @param codecs the codec beans, in order
	 * @param interceptors the client interceptor beans, in order
	 * @param customizers the customizer beans, in order
	 * @return the options
	 */
	public static WorkflowClientOptions workflowClient(TemporalProperties properties, Environment environment,
			@Nullable EnvConfigProfile profile, @Nullable DataConverter dataConverter, List<PayloadCodec> codecs,
			List<WorkflowClientInterceptor> interceptors, List<WorkflowClientOptionsCustomizer> customizers) {
		WorkflowClientOptions.Builder builder = WorkflowClientOptions.newBuilder()
			.setDataConverter(PayloadConversion.dataConverter(dataConverter, codecs))
			.setNamespace(namespace(properties, environment, profile))
			.setIdentity(properties.connection().identity())
			.setInterceptors(interceptors.toArray(WorkflowClientInterceptor[]::new));
		customizers.forEach((customizer) -> customizer.customize(builder));
		// after the customizers, so that whatever converter they set, what is sent stays within the server's limits
		return PayloadConversion.withSizeLimit(builder.build(), properties.payloads());
	}

	/**
	 * The options of a further namespace's client: as the main client's (converter, codecs, interceptors,
	 * customizers, payload limits), with its namespace set after the customizers, which serve every client.
	 * @param properties the starter's properties
	 * @param namespace the namespace's name
	 * @param identity the client identity of its connection, or null for the SDK's
	 * @param dataConverter the application's converter, if it has exactly one
	 * @param codecs the codec beans, in order
	 * @param interceptors the client interceptors for this namespace's client, in order
	 * @param customizers the customizer beans, in order
	 * @return the options
	 */
	public static WorkflowClientOptions namespaceClient(TemporalProperties properties, String namespace,
			@Nullable String identity, @Nullable DataConverter dataConverter, List<PayloadCodec> codecs,
			List<WorkflowClientInterceptor> interceptors, List<WorkflowClientOptionsCustomizer> customizers) {
		WorkflowClientOptions.Builder builder = WorkflowClientOptions.newBuilder()
			.setDataConverter(PayloadConversion.dataConverter(dataConverter, codecs))
			.setIdentity(identity)
			.setInterceptors(interceptors.toArray(WorkflowClientInterceptor[]::new));
		customizers.forEach((customizer) -> customizer.customize(builder));
		builder.setNamespace(namespace);
		return PayloadConversion.withSizeLimit(builder.build(), properties.payloads());
	}

	/**
	 * A schedule client with the workflow client's namespace, identity, data converter and propagators.
	 * @param stubs the stubs the client uses
	 * @param client the workflow client
	 * @return the schedule client
	 */
	public static ScheduleClient scheduleClient(WorkflowServiceStubs stubs, WorkflowClient client) {
		return scheduleClient(stubs, client, new ScheduleClientPlugin[0]);
	}

	/**
	 * A schedule client with the workflow client's namespace, identity, data converter and propagators, and Temporal
	 * SDK plugins that its stubs do not pass on already.
	 * @param stubs the stubs the client uses
	 * @param client the workflow client
	 * @param plugins the schedule client plugins, in order
	 * @return the schedule client
	 */
	public static ScheduleClient scheduleClient(WorkflowServiceStubs stubs, WorkflowClient client,
			ScheduleClientPlugin[] plugins) {
		WorkflowClientOptions options = client.getOptions();
		return ScheduleClient.newInstance(stubs, ScheduleClientOptions.newBuilder()
			.setNamespace(options.getNamespace())
			.setIdentity(options.getIdentity())
			.setDataConverter(options.getDataConverter())
			.setContextPropagators(options.getContextPropagators())
			.setPlugins(plugins)
			.build());
	}

	// temporal.namespace when set, else the profile's, else temporal.namespace's default
	private static String namespace(TemporalProperties properties, Environment environment,
			@Nullable EnvConfigProfile profile) {
		if (profile == null || profile.namespace() == null
				|| Binder.get(environment).bind("temporal.namespace", String.class).isBound()) {
			return properties.namespace();
		}
		return profile.namespace();
	}

}
