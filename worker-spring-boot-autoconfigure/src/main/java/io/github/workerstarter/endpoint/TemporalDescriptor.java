package io.github.workerstarter.endpoint;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the endpoint reads.
 *
 * @param connection the server and namespace
 * @param state the state of the main namespace's workers; absent when none has anything to poll (a client-only
 * application, every worker switched off or in a further namespace)
 * @param problem why they are not running, while they wait or failed
 * @param writeOperationsEnabled whether suspend and resume are accepted
 * @param workers each worker by task queue
 * @param activityOptions the options set per activity type under temporal.activities, which this application's
 * workflows apply to their activity calls
 * @param namespaces the further namespaces of temporal.namespaces, by alias (the main one is the fields above)
 * @param plugins the Temporal SDK plugin beans, in the order they apply, and where each went
 */
public record TemporalDescriptor(ConnectionDescriptor connection, @Nullable String state, @Nullable String problem,
		boolean writeOperationsEnabled, Map<String, WorkerDescriptor> workers,
		Map<String, Map<String, Object>> activityOptions, Map<String, NamespaceDescriptor> namespaces,
		List<PluginDescriptor> plugins) {
}
