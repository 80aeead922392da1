package io.github.workerstarter.endpoint;

/**
 * The connection.
 *
 * @param target the server address, or embedded
 * @param namespace the namespace
 */
public record ConnectionDescriptor(String target, String namespace) {
}
