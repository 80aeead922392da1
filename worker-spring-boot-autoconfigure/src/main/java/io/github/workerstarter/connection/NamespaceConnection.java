package io.github.workerstarter.connection;

import io.github.workerstarter.config.NamespaceProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * The client side of one namespace: the main one or a further one of {@code temporal.namespaces}.
 *
 * @param alias {@link NamespaceProperties#MAIN} or the key under temporal.namespaces
 * @param name the Temporal namespace's name
 * @param stubs its gRPC stubs (a further namespace without a connection of its own shares the main ones)
 * @param client its workflow client
 * @param scheduleClient its schedule client
 * @param probe time-bounded questions to its server
 */
public record NamespaceConnection(String alias, String name, WorkflowServiceStubs stubs, WorkflowClient client,
		ScheduleClient scheduleClient, ServerProbe probe) {

	/**
	 * Whether this is the main namespace.
	 * @return true for {@code temporal.namespace}
	 */
	public boolean isMain() {
		return NamespaceProperties.MAIN.equals(this.alias);
	}

}
