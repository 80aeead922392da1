package io.github.workerstarter.testing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.DockerComposeOrigin;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginProvider;

/**
 * A Docker Compose service as {@code docker compose ps} and {@code docker inspect} would describe it, with its
 * container port published on a port of this machine: here the port of a Temporal server the test runs in a JVM of
 * its own.
 *
 * @param name the service's name in compose.yaml
 * @param image its image, e.g. {@code temporalio/temporal:1.5.1}
 * @param host the host its ports are published on
 * @param containerPort the port inside the container
 * @param publishedPort where it is published
 * @param env its environment
 * @param labels its labels
 */
public record RunningComposeService(String name, ImageReference image, String host, int containerPort,
		int publishedPort, Map<String, @Nullable String> env, Map<String, String> labels)
		implements RunningService, OriginProvider {

	public static RunningComposeService of(String name, String image, int containerPort, int publishedPort) {
		return new RunningComposeService(name, ImageReference.of(image), "127.0.0.1", containerPort, publishedPort,
				Map.of(), Map.of());
	}

	public RunningComposeService withEnv(Map<String, @Nullable String> env) {
		return new RunningComposeService(this.name, this.image, this.host, this.containerPort, this.publishedPort, env,
				this.labels);
	}

	public RunningComposeService withLabels(Map<String, String> labels) {
		return new RunningComposeService(this.name, this.image, this.host, this.containerPort, this.publishedPort,
				this.env, labels);
	}

	// as Boot's own running services: where the service is defined
	@Override
	public Origin getOrigin() {
		return new DockerComposeOrigin(null, this.name);
	}

	@Override
	public ConnectionPorts ports() {
		return new ConnectionPorts() {

			@Override
			public int get(int port) {
				if (port != RunningComposeService.this.containerPort) {
					throw new IllegalStateException("No host port mapping found for container port " + port);
				}
				return RunningComposeService.this.publishedPort;
			}

			@Override
			public List<Integer> getAll() {
				return List.of(RunningComposeService.this.publishedPort);
			}

			@Override
			public List<Integer> getAll(@Nullable String protocol) {
				return getAll();
			}

		};
	}

}
