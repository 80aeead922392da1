package io.github.workerstarter.embedded;

import org.jspecify.annotations.Nullable;

import io.grpc.ManagedChannel;
import io.temporal.testserver.TestServer;

/**
 * The SDK's Java test server running inside the application: a real Temporal gRPC service, reached through an
 * in-memory channel, so it opens no port at all. Time skipping is locked, so timers and retries run in real time
 * as on a real cluster. State lives in memory and is gone when the application stops.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

	private final TestServer.@Nullable InProcessTestServer server;

	private final ManagedChannel channel;

	public EmbeddedTemporalServer() {
		this.server = TestServer.createServer(true);
		this.channel = this.server.getChannel();
	}

	private EmbeddedTemporalServer(ManagedChannel channel) {
		this.server = null;
		this.channel = channel;
	}

	/**
	 * The in-process server someone else started and closes, such as the test module's {@code TestWorkflowEnvironment}:
	 * a test written for {@code temporal.target: embedded} keeps its {@code EmbeddedTemporalServer} when the test
	 * module replaces the server.
	 * @param channel the channel to that server
	 * @return a server whose {@link #close()} leaves the server to its owner
	 */
	public static EmbeddedTemporalServer sharing(ManagedChannel channel) {
		return new EmbeddedTemporalServer(channel);
	}

	/**
	 * Channel to the in-process server, for {@code WorkflowServiceStubsOptions}.
	 * @return the in-memory channel
	 */
	public ManagedChannel channel() {
		return this.channel;
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

}
