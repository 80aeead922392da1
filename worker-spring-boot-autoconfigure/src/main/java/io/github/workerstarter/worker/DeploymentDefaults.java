package io.github.workerstarter.worker;

import org.jspecify.annotations.Nullable;

/**
 * Where a worker's deployment version comes from when {@code temporal.workers.<name>.deployment} leaves it out.
 *
 * @param applicationName {@code spring.application.name}, the default deployment name
 * @param buildVersion {@code build.version} of Spring Boot's build info, the default build id
 */
public record DeploymentDefaults(@Nullable String applicationName, @Nullable String buildVersion) {

	/** No defaults: name and build id must be configured. */
	public static final DeploymentDefaults NONE = new DeploymentDefaults(null, null);

}
