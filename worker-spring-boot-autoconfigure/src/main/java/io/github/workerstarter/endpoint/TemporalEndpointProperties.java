package io.github.workerstarter.endpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The temporal actuator endpoint, bound from {@code temporal.endpoint.*}.
 *
 * @param writeOperationsEnabled Whether the temporal actuator endpoint accepts write operations (suspending and
 * resuming a worker's polling). Off by default: the endpoint then only reads, and a write is answered 403.
 */
@ConfigurationProperties("temporal.endpoint")
public record TemporalEndpointProperties(boolean writeOperationsEnabled) {

}
