package io.github.workerstarter.connection;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;

import io.temporal.client.WorkflowClientOptions;

/** What a {@link TemporalConnectionDetails} bean that is not the properties' changes, and how messages name it. */
final class ServiceConnections {

	private ServiceConnections() {
	}

	/**
	 * The service connection, as the log and messages name it: its origin (the Docker Compose service, the
	 * Testcontainers container) when it has one.
	 */
	static String describe(TemporalConnectionDetails details) {
		Origin origin = Origin.from(details);
		return "TemporalConnectionDetails " + ((origin != null) ? "(" + origin + ")" : details.getClass().getName());
	}

	/**
	 * The client's options with the service connection's namespace, when it gives one (set last: the connection
	 * decides where the client goes).
	 */
	static WorkflowClientOptions withNamespace(WorkflowClientOptions options, @Nullable TemporalConnectionDetails details) {
		if (details == null || details instanceof PropertiesTemporalConnectionDetails || details.getNamespace() == null) {
			return options;
		}
		return WorkflowClientOptions.newBuilder(options).setNamespace(details.getNamespace()).build();
	}

}
