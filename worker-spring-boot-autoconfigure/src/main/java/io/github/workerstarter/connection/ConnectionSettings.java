package io.github.workerstarter.connection;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;

/**
 * What one connection is built from: the main one ({@code temporal.target}, {@code temporal.connection.*},
 * {@code temporal.env-config.*}) or a namespace's own ({@code temporal.namespaces.<alias>.*}), with the prefix that
 * names its properties in messages.
 *
 * @param prefix {@code temporal} or {@code temporal.namespaces.<alias>}
 * @param target host:port, or embedded for the main connection
 * @param connection the connection settings
 * @param envConfig the Temporal CLI profile to start from
 */
public record ConnectionSettings(String prefix, @Nullable String target, TemporalProperties.Connection connection,
		TemporalProperties.EnvConfig envConfig) {

	private static final TemporalProperties.Connection DEFAULT_CONNECTION = new TemporalProperties.Connection(null, null,
			false, null, null, null, null, new TemporalProperties.KeepAlive(null, null, null, null));

	private static final TemporalProperties.EnvConfig NO_ENV_CONFIG = new TemporalProperties.EnvConfig(false, null, null);

	/**
	 * The main connection.
	 * @param properties the starter's properties
	 * @return its settings
	 */
	public static ConnectionSettings main(TemporalProperties properties) {
		return new ConnectionSettings("temporal", properties.target(), properties.connection(), properties.envConfig());
	}

	/**
	 * A namespace's own connection: its target defaults to the main one (or, with its own env-config, to the
	 * profile's address); nothing else is taken from the main connection (no credential reaches another server by
	 * accident).
	 * @param alias the namespace's alias
	 * @param namespace its properties, with a connection of its own
	 * @param mainTarget {@code temporal.target}
	 * @return its settings
	 */
	public static ConnectionSettings of(String alias, NamespaceProperties namespace, @Nullable String mainTarget) {
		boolean profile = namespace.envConfig() != null && namespace.envConfig().enabled();
		return new ConnectionSettings("temporal.namespaces." + alias,
				(namespace.target() != null || profile) ? namespace.target() : mainTarget,
				(namespace.connection() != null) ? namespace.connection() : DEFAULT_CONNECTION,
				(namespace.envConfig() != null) ? namespace.envConfig() : NO_ENV_CONFIG);
	}

	/**
	 * Whether this connection is the in-process server's.
	 * @return true for target embedded
	 */
	public boolean isEmbedded() {
		return TemporalProperties.EMBEDDED_TARGET.equalsIgnoreCase(this.target);
	}

	/**
	 * The property that sets the target, for messages.
	 * @return e.g. {@code temporal.target}
	 */
	public String targetProperty() {
		return this.prefix + ".target";
	}

}
