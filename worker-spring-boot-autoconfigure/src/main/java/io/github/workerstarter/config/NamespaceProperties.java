package io.github.workerstarter.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A further namespace, keyed by an alias under {@code temporal.namespaces}: its name, and optionally its own
 * connection. Worker entries join it with {@code namespace: <alias>}; its client beans are injected with
 * {@code @Qualifier("<alias>")}.
 *
 * @param namespace Name of the Temporal namespace. Default: the alias.
 * @param target Where its Temporal frontend is (host:port). Setting target, connection or env-config gives the namespace
 * a connection of its own: the target then defaults to temporal.target and every connection setting to the SDK's
 * default, nothing is taken from temporal.connection (so no credential goes to another server by accident). Without
 * them, the namespace shares the main connection.
 * @param connection Its own connection settings (API key, TLS and SSL bundle, server name, keep-alive, RPC timeout,
 * identity), as under temporal.connection.
 * @param envConfig A Temporal CLI profile for its own connection, as under temporal.env-config.
 * @param health How its health counts.
 */
public record NamespaceProperties(@Nullable String namespace, @Nullable String target,
		TemporalProperties.@Nullable Connection connection, TemporalProperties.@Nullable EnvConfig envConfig,
		@DefaultValue Health health) {

	/** The alias of the main namespace ({@code temporal.namespace}): in annotations, health and the endpoint. */
	public static final String MAIN = "main";

	/**
	 * Whether the namespace has a connection of its own.
	 * @return true when target, connection or env-config is set
	 */
	public boolean hasOwnConnection() {
		return this.target != null || this.connection != null || (this.envConfig != null && this.envConfig.enabled());
	}

	/**
	 * The namespace's name.
	 * @param alias its key under temporal.namespaces
	 * @return the name, the alias by default
	 */
	public String namespaceOr(String alias) {
		return (this.namespace != null) ? this.namespace.trim() : alias;
	}

	/**
	 * Health of one namespace.
	 *
	 * @param readiness Whether this namespace's health is part of the readiness group: true takes a pod out of
	 * rotation while this namespace's server is down; false reports it in health only.
	 */
	public record Health(@DefaultValue("true") boolean readiness) {
	}

}
