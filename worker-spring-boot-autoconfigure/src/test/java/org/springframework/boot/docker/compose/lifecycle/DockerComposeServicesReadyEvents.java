package org.springframework.boot.docker.compose.lifecycle;

import java.util.List;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.context.ApplicationContext;

/**
 * Builds the event Boot's Docker Compose support publishes once {@code docker compose up} has the services running
 * (its constructor is package-private). For tests without a Docker engine: the running services are described by the
 * test, and everything after the event (service connections, the application) is Boot's and the starter's own code.
 */
public final class DockerComposeServicesReadyEvents {

	private DockerComposeServicesReadyEvents() {
	}

	public static DockerComposeServicesReadyEvent of(ApplicationContext context, List<RunningService> services) {
		return new DockerComposeServicesReadyEvent(context, services);
	}

}
