package io.github.workerstarter.docker;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

import io.github.workerstarter.connection.TemporalConnectionDetails;

/**
 * Recognises a Docker Compose service running Temporal: the Temporal CLI's image ({@code temporalio/temporal}, with
 * {@code server start-dev}) or {@code temporalio/auto-setup}, or any image labelled
 * {@code org.springframework.boot.service-connection: temporal}. The application connects to the host and port
 * published for the frontend's port 7233, with no {@code temporal.target}. The namespace stays
 * {@code temporal.namespace}, except that {@code auto-setup}'s {@code DEFAULT_NAMESPACE}, when set, names the
 * namespace it creates. TLS from the service's {@code org.springframework.boot.sslbundle.*} labels, as Boot reads
 * them.
 */
class TemporalDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<TemporalConnectionDetails> {

	/** The image names (and the short connection name) recognised. */
	static final String[] CONNECTION_NAMES = { "temporalio/temporal", "temporalio/auto-setup", "temporal" };

	/** The Temporal frontend's gRPC port in the container. */
	static final int FRONTEND_PORT = 7233;

	TemporalDockerComposeConnectionDetailsFactory() {
		super(CONNECTION_NAMES, "io.temporal.serviceclient.WorkflowServiceStubs");
	}

	@Override
	protected TemporalConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new TemporalDockerComposeConnectionDetails(source.getRunningService());
	}

	/** The published frontend of a running Temporal service. */
	static final class TemporalDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements TemporalConnectionDetails {

		private final String target;

		private final @Nullable String namespace;

		private final @Nullable SslBundle sslBundle;

		TemporalDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.target = service.host() + ":" + service.ports().get(FRONTEND_PORT);
			String defaultNamespace = service.env().get("DEFAULT_NAMESPACE");
			this.namespace = (defaultNamespace != null && !defaultNamespace.isBlank()) ? defaultNamespace : null;
			this.sslBundle = getSslBundle(service);
		}

		@Override
		public String getTarget() {
			return this.target;
		}

		@Override
		public @Nullable String getNamespace() {
			return this.namespace;
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

	}

}
