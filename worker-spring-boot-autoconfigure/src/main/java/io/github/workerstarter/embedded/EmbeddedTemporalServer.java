package io.github.workerstarter.embedded;

import io.grpc.ManagedChannel;
import io.temporal.testserver.TestServer;

/**
 * The SDK's Java test server running inside the application: a real Temporal gRPC service, reached through an
 * in-memory channel, so it opens no port at all. Time skipping is locked, so timers and retries run in real time
 * as on a real cluster. State lives in memory and is gone when the application stops.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

	private final TestServer.InProcessTestServer server;

	public EmbeddedTemporalServer() {
		this.server = TestServer.createServer(true);
	}

	/**
	 * Channel to the in-process server, for {@code WorkflowServiceStubsOptions}.
	 * @return the in-memory channel
	 */
	public ManagedChannel channel() {
		return this.server.getChannel();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
