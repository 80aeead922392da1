package io.github.workerstarter.connection;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.plugin.PluginOptions;
import io.grpc.ManagedChannelBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;

/**
 * Builds the gRPC service stubs of one connection, the main one or a namespace's own: target, TLS (an SSL bundle,
 * reloaded when it changes), API key, server name, keep-alive and RPC timeout from its settings, over a Temporal CLI
 * profile when one is enabled, then every customizer. The stubs connect lazily, so building them never blocks.
 */
public final class ServiceStubsFactory {

	private ServiceStubsFactory() {
	}

	/**
	 * Builds the stubs.
	 * @param settings the connection's settings
	 * @param profile its Temporal CLI profile, when enabled
	 * @param sslBundles the application's SSL bundles, if any
	 * @param customizers the customizer beans, in order
	 * @return the stubs
	 */
	public static WorkflowServiceStubs create(ConnectionSettings settings, @Nullable EnvConfigProfile profile,
			@Nullable SslBundles sslBundles, List<WorkflowServiceStubsOptionsCustomizer> customizers) {
		return create(settings, profile, sslBundles, customizers, new WorkflowServiceStubsPlugin[0]);
	}

	/**
	 * Builds the stubs with Temporal SDK plugins, which the SDK applies when it creates them (after the properties
	 * and the customizers) and passes on to the clients built on them.
	 * @param settings the connection's settings
	 * @param profile its Temporal CLI profile, when enabled
	 * @param sslBundles the application's SSL bundles, if any
	 * @param customizers the customizer beans, in order
	 * @param plugins the plugins for these stubs, in order
	 * @return the stubs
	 */
	public static WorkflowServiceStubs create(ConnectionSettings settings, @Nullable EnvConfigProfile profile,
			@Nullable SslBundles sslBundles, List<WorkflowServiceStubsOptionsCustomizer> customizers,
			WorkflowServiceStubsPlugin[] plugins) {
		TemporalProperties.Connection connection = settings.connection();
		// with a profile, our properties are already laid over it (target, API key, tls=false)
		WorkflowServiceStubsOptions.Builder builder = (profile != null)
				? WorkflowServiceStubsOptions.newBuilder(profile.stubsOptions()) : WorkflowServiceStubsOptions.newBuilder();
		if (!settings.isEmbedded()) {
			if (profile == null) {
				builder.setTarget(ConnectionTarget.remote(settings.targetProperty(), settings.target()));
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
				builder.setSslContext(SslBundleTls.sslContext(connection.sslBundle(), sslBundles));
			}
		}
		// the embedded server, when present, sets its in-memory channel through a customizer of its own
		ConnectionOptions.applyCommon(connection, builder, customizers);
		PluginOptions.addTo(builder, plugins);
		WorkflowServiceStubsOptions options = withServerName(builder.build(), connection.serverName());
		if (settings.isEmbedded() && options.getChannel() == null) {
			throw ConnectionTarget.embeddedServerMissing();
		}
		WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(options);
		// a customizer may have replaced our context; then reloading is the customizer's business
		if (connection.sslBundle() != null && sslBundles != null
				&& options.getSslContext() instanceof ReloadableSslContext reloadable) {
			SslBundleTls.reloadOnUpdate(connection.sslBundle(), sslBundles, reloadable, stubs.getRawChannel());
		}
		return stubs;
	}

	/**
	 * Builds the main stubs from a service connection (a {@link TemporalConnectionDetails} bean other than the
	 * properties'): its target, TLS, SSL bundle and API key; keep-alive, RPC timeout, identity and server name still
	 * from {@code temporal.connection.*}.
	 * @param details the connection details
	 * @param source what supplied them, for messages
	 * @param connection the connection properties for everything else
	 * @param customizers the customizer beans, in order
	 * @param plugins the plugins for these stubs, in order
	 * @return the stubs
	 */
	public static WorkflowServiceStubs create(TemporalConnectionDetails details, String source,
			TemporalProperties.Connection connection, List<WorkflowServiceStubsOptionsCustomizer> customizers,
			WorkflowServiceStubsPlugin[] plugins) {
		WorkflowServiceStubsOptions.Builder builder = WorkflowServiceStubsOptions.newBuilder()
			.setTarget(ConnectionTarget.fromServiceConnection(details.getTarget(), source))
			.setEnableHttps(details.isTls());
		String apiKey = details.getApiKey();
		if (apiKey != null) {
			if (!details.isTls() && !connection.allowPlaintextApiKey()) {
				throw new WorkerConfigurationException("The Temporal connection of " + source + " has an API key but "
						+ "no TLS: the key would travel unencrypted to " + details.getTarget() + ".",
						"Have the service connection use TLS. Only for a local test server, set "
								+ "temporal.connection.allow-plaintext-api-key=true.");
			}
			builder.addApiKey(() -> apiKey);
		}
		SslBundle bundle = details.getSslBundle();
		if (bundle != null) {
			builder.setSslContext(SslBundleTls.sslContext(bundle, source));
		}
		ConnectionOptions.applyCommon(connection, builder, customizers);
		PluginOptions.addTo(builder, plugins);
		return WorkflowServiceStubs.newServiceStubs(withServerName(builder.build(), connection.serverName()));
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

}
