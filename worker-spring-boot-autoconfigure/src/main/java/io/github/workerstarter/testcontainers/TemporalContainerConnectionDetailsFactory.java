package io.github.workerstarter.testcontainers;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Container;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

import io.github.workerstarter.connection.TemporalConnectionDetails;

/**
 * {@code @ServiceConnection} on a Testcontainers container running Temporal: the Temporal CLI's image
 * ({@code temporalio/temporal}, with {@code server start-dev}) or {@code temporalio/auto-setup}. A container field of
 * a test class is recognised by its image; a container {@code @Bean} needs the name,
 * {@code @ServiceConnection(name = "temporal")} (Boot cannot see a bean's image before creating it). The application
 * connects to the container's mapped frontend port 7233; the namespace stays {@code temporal.namespace}; TLS comes
 * from the container's {@code @Ssl...} annotations, as Boot reads them.
 */
class TemporalContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, TemporalConnectionDetails> {

	/** The Temporal frontend's gRPC port in the container. */
	static final int FRONTEND_PORT = 7233;

	TemporalContainerConnectionDetailsFactory() {
		super(List.of("temporalio/temporal", "temporalio/auto-setup", "temporal"),
				"io.temporal.serviceclient.WorkflowServiceStubs");
	}

	@Override
	protected TemporalConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new TemporalContainerConnectionDetails(source);
	}

	/** The mapped frontend of a Temporal container, read once the container has started. */
	static final class TemporalContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements TemporalConnectionDetails {

		TemporalContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public String getTarget() {
			Container<?> container = getContainer();
			return container.getHost() + ":" + container.getMappedPort(FRONTEND_PORT);
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

	}

}
