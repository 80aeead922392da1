package io.github.workerstarter.connection;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Checks {@code temporal.target} before anything connects, so a missing or malformed value fails startup with a
 * message rather than a gRPC error later.
 */
final class ConnectionTarget {

	// host:port or [ipv6]:port
	private static final Pattern HOST_PORT = Pattern.compile("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+):\\d{1,5}$");

	// gRPC name-resolver URIs: dns:///host:port, dns://resolver/host:port, unix:/path
	private static final Pattern RESOLVER_URI = Pattern.compile("^(dns:(//[^/]*)?/[^/]+:\\d{1,5}|unix:.+)$");

	private ConnectionTarget() {
	}

	static String requireRemote(@Nullable String target, String profile) {
		if (target == null || target.isBlank()) {
			throw new WorkerConfigurationException("Neither temporal.target nor the Temporal environment configuration ("
					+ profile + ", or TEMPORAL_ADDRESS) sets the address of the Temporal server.",
					"Set temporal.target to the host:port of your Temporal frontend, or set address in the profile.");
		}
		return requireRemote(target);
	}

	static String requireRemote(@Nullable String target) {
		return remote("temporal.target", target);
	}

	static String remote(String property, @Nullable String target) {
		if (target == null || target.isBlank()) {
			throw new WorkerConfigurationException("Property temporal.target is not set, so there is no Temporal server "
					+ "to connect to.",
					"Set temporal.target to the host:port of your Temporal frontend (for example localhost:7233), or "
							+ "to '" + TemporalProperties.EMBEDDED_TARGET
							+ "' with io.temporal:temporal-test-server on the classpath for an in-process server.");
		}
		String trimmed = target.trim();
		if (!HOST_PORT.matcher(trimmed).matches() && !RESOLVER_URI.matcher(trimmed).matches()) {
			throw new WorkerConfigurationException(
					"Property " + property + " has the value '" + target + "', which is not host:port.",
					"Set " + property + " to host:port (for example localhost:7233 or temporal.example.com:7233), or to '"
							+ TemporalProperties.EMBEDDED_TARGET + "'.");
		}
		return trimmed;
	}

	static String fromServiceConnection(@Nullable String target, String source) {
		if (target == null || (!HOST_PORT.matcher(target.trim()).matches()
				&& !RESOLVER_URI.matcher(target.trim()).matches())) {
			throw new WorkerConfigurationException("The Temporal address of " + source + " is '" + target
					+ "', which is not host:port.", "Have the service connection give the host:port of the Temporal "
							+ "frontend (its getTarget()).");
		}
		return target.trim();
	}

	static WorkerConfigurationException embeddedServerMissing() {
		return new WorkerConfigurationException(
				"Property temporal.target is '" + TemporalProperties.EMBEDDED_TARGET
						+ "' but the in-process server (io.temporal.testserver.TestServer) is not on the classpath.",
				"Add the dependency io.temporal:temporal-test-server (same version as temporal-sdk), or set "
						+ "temporal.target to the host:port of a Temporal frontend.");
	}

}
