package org.springframework.boot.docker.compose.service.connection;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.env.Environment;

/**
 * Builds the source Boot hands connection details factories for a running Docker Compose service (its constructor is
 * package-private: Boot's Docker Compose support builds it from {@code docker compose ps}). For tests without a
 * Docker engine: the running service is described by the test.
 */
public final class DockerComposeConnectionSources {

	private DockerComposeConnectionSources() {
	}

	public static DockerComposeConnectionSource of(RunningService service, Environment environment) {
		return new DockerComposeConnectionSource(service, environment);
	}

}
