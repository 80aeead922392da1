package io.github.workerstarter.endpoint;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A further namespace: its connection and its workers.
 *
 * @param connection its server and name
 * @param state the state of its workers; absent when none has anything to poll
 * @param problem why they are not running, while they wait or failed
 * @param workers each worker by task queue
 */
public record NamespaceDescriptor(ConnectionDescriptor connection, @Nullable String state, @Nullable String problem,
		Map<String, WorkerDescriptor> workers) {
}
