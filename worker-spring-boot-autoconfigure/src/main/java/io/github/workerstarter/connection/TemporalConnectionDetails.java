package io.github.workerstarter.connection;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the main Temporal connection goes, as a Spring Boot {@link ConnectionDetails}: the starter builds the gRPC
 * service stubs and the workflow client from the bean of this type. By default it is backed by {@code temporal.*}
 * properties; a service connection (a Docker Compose service or a Testcontainers {@code @ServiceConnection} running
 * Temporal's dev server image) or a bean of the application's own replaces it, and then takes precedence over
 * {@code temporal.target}, {@code temporal.connection.api-key}, {@code .tls} and {@code .ssl-bundle} (the other
 * {@code temporal.connection.*} settings, such as keep-alive, RPC timeout and identity, still apply).
 */
public interface TemporalConnectionDetails extends ConnectionDetails {

	/**
	 * The Temporal frontend's address.
	 * @return {@code host:port}
	 */
	String getTarget();

	/**
	 * The namespace the client and the workers use.
	 * @return the namespace, or null to keep {@code temporal.namespace}
	 */
	default @Nullable String getNamespace() {
		return null;
	}

	/**
	 * Whether the connection uses TLS.
	 * @return by default true with an SSL bundle or an API key
	 */
	default boolean isTls() {
		return getSslBundle() != null || getApiKey() != null;
	}

	/**
	 * The trust material (and, for mutual TLS, the client certificate) of a TLS connection.
	 * @return the bundle, or null for the JDK's default trust
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

	/**
	 * The API key sent as a bearer token with every call (Temporal Cloud).
	 * @return the key, or null
	 */
	default @Nullable String getApiKey() {
		return null;
	}

}
