package io.github.workerstarter.config;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Checks the connection properties ({@code temporal.connection.*}, {@code temporal.env-config.*}, and the same under
 * each {@code temporal.namespaces.<alias>}) while they are bound: TLS, server name, API key and CLI profile settings
 * that contradict each other or the target fail startup naming the property, the value and the fix.
 */
final class ConnectionPropertiesValidator {

	private ConnectionPropertiesValidator() {
	}

	static void validateConnection(@Nullable String target, TemporalProperties.Connection connection) {
		validateConnection("temporal.connection", target, connection);
	}

	static void validateConnection(String prefix, @Nullable String target, TemporalProperties.Connection connection) {
		if (connection.rpcTimeout() != null) {
			PropertiesValidator.positive(prefix + ".rpc-timeout", connection.rpcTimeout());
		}
		TemporalProperties.KeepAlive keepAlive = connection.keepAlive();
		if (keepAlive.time() != null) {
			PropertiesValidator.positive(prefix + ".keep-alive.time", keepAlive.time());
		}
		if (keepAlive.timeout() != null) {
			PropertiesValidator.positive(prefix + ".keep-alive.timeout", keepAlive.timeout());
		}
		validateSslBundle(prefix, target, connection);
		validateServerName(prefix, target, connection);
		validateApiKey(prefix, target, connection);
	}

	static void validateEnvConfig(@Nullable String target, TemporalProperties.EnvConfig envConfig) {
		validateEnvConfig("temporal.env-config", target, envConfig);
	}

	static void validateEnvConfig(String prefix, @Nullable String target, TemporalProperties.EnvConfig envConfig) {
		if (!envConfig.enabled()) {
			return;
		}
		if (TemporalProperties.EMBEDDED_TARGET.equalsIgnoreCase(target)) {
			throw new WorkerConfigurationException("Property " + prefix + ".enabled is true, but temporal.target "
					+ "is 'embedded': the in-process server takes no settings from a Temporal CLI profile.",
					"Remove " + prefix + ".enabled, or remove temporal.target=embedded to connect where the "
							+ "profile says.");
		}
		if (envConfig.profile() != null && envConfig.profile().isBlank()) {
			throw new WorkerConfigurationException("Property " + prefix + ".profile is blank.",
					"Set it to a profile name of your temporal.toml, or remove it for the default profile.");
		}
		if (envConfig.file() != null && envConfig.file().isBlank()) {
			throw new WorkerConfigurationException("Property " + prefix + ".file is blank.",
					"Set it to the path of your temporal.toml, or remove it for the Temporal CLI's default file.");
		}
	}

	private static void validateSslBundle(String prefix, @Nullable String target, TemporalProperties.Connection connection) {
		String bundle = connection.sslBundle();
		if (bundle == null) {
			return;
		}
		if (bundle.isBlank()) {
			throw new WorkerConfigurationException("Property " + prefix + ".ssl-bundle is blank.",
					"Set it to the name of an SSL bundle defined under spring.ssl.bundle.jks.<name> or "
							+ "spring.ssl.bundle.pem.<name>, or remove it.");
		}
		if (TemporalProperties.EMBEDDED_TARGET.equalsIgnoreCase(target)) {
			throw new WorkerConfigurationException("Property " + prefix + ".ssl-bundle is '" + bundle
					+ "', but temporal.target is 'embedded': the in-process server has no TLS.",
					"Remove " + prefix + ".ssl-bundle, or point temporal.target at your TLS-enabled Temporal "
							+ "frontend.");
		}
		if (Boolean.FALSE.equals(connection.tls())) {
			throw new WorkerConfigurationException("Property " + prefix + ".ssl-bundle is '" + bundle
					+ "' while " + prefix + ".tls is false: an SSL bundle is only used for TLS.",
					"Remove " + prefix + ".tls=false (an SSL bundle turns TLS on), or remove "
							+ prefix + ".ssl-bundle for a plaintext connection.");
		}
	}

	private static void validateServerName(String prefix, @Nullable String target, TemporalProperties.Connection connection) {
		String serverName = connection.serverName();
		if (serverName == null) {
			return;
		}
		if (serverName.isBlank()) {
			throw new WorkerConfigurationException("Property " + prefix + ".server-name is blank.",
					"Set it to the host name in the server's certificate (for example temporal.example.com), or "
							+ "remove it to use the host of temporal.target.");
		}
		if (TemporalProperties.EMBEDDED_TARGET.equalsIgnoreCase(target)) {
			throw new WorkerConfigurationException("Property " + prefix + ".server-name is '" + serverName
					+ "', but temporal.target is 'embedded': the in-process server is not reached by name.",
					"Remove " + prefix + ".server-name, or point temporal.target at your Temporal frontend.");
		}
	}

	private static void validateApiKey(String prefix, @Nullable String target, TemporalProperties.Connection connection) {
		String apiKey = connection.apiKey();
		if (apiKey == null) {
			return;
		}
		if (apiKey.isBlank()) {
			throw new WorkerConfigurationException("Property " + prefix + ".api-key is blank.",
					"Set it to your Temporal API key (for example from an environment variable: "
							+ prefix + ".api-key=${TEMPORAL_API_KEY}), or remove it.");
		}
		if (TemporalProperties.EMBEDDED_TARGET.equalsIgnoreCase(target)) {
			throw new WorkerConfigurationException(
					"Property " + prefix + ".api-key is set, but temporal.target is 'embedded': the in-process "
							+ "server takes no API key.",
					"Remove " + prefix + ".api-key, or point temporal.target at your Temporal Cloud endpoint.");
		}
		if (!connection.usesTls() && !connection.allowPlaintextApiKey()) {
			throw new WorkerConfigurationException(
					"Property " + prefix + ".api-key is set while " + prefix + ".tls is false: the key would "
							+ "travel unencrypted to " + target + ".",
					"Remove " + prefix + ".tls=false (TLS is on by default with an API key). Only for a local "
							+ "test server, set " + prefix + ".allow-plaintext-api-key=true.");
		}
	}

}
