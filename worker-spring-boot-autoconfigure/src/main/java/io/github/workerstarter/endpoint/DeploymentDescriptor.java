package io.github.workerstarter.endpoint;

/**
 * A worker's deployment version.
 *
 * @param name the deployment name
 * @param buildId the build id
 * @param useVersioning whether the worker takes part in versioned routing
 * @param defaultVersioningBehavior pinned, auto-upgrade or unspecified
 */
public record DeploymentDescriptor(String name, String buildId, boolean useVersioning,
		String defaultVersioningBehavior) {
}
