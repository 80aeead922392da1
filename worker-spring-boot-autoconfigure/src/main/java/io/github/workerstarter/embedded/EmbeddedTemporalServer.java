package io.github.workerstarter.embedded;

import io.grpc.ManagedChannel;
import io.temporal.testserver.TestServer;

/**
 * The SDK's Java test server running inside the application: a real Temporal gRPC service, reached through an
 * in-memory channel, so it opens no port at all. Time skipping is locked, so timers and retries run in real time
 * as on a real cluster. State lives in memory and is gone when the application stops; with Spring Boot DevTools it
 * outlives the restarts (see {@link #outlivingRestarts()}).
 */
public final class EmbeddedTemporalServer implements InProcessServer, AutoCloseable {

	private final TestServer.InProcessTestServer server;

	private final boolean outlivesContext;

	public EmbeddedTemporalServer() {
		this(false);
	}

	private EmbeddedTemporalServer(boolean outlivesContext) {
		this.server = TestServer.createServer(true);
		this.outlivesContext = outlivesContext;
	}

	/**
	 * A server that is kept when the application context restarts in the same JVM (Spring Boot DevTools), with its
	 * workflows: the workers of the next context carry them on, on the new code.
	 * @return the server
	 */
	public static EmbeddedTemporalServer outlivingRestarts() {
		return new EmbeddedTemporalServer(true);
	}

	/**
	 * Channel to the in-process server, for {@code WorkflowServiceStubsOptions}.
	 * @return the in-memory channel
	 */
	public ManagedChannel channel() {
		return this.server.getChannel();
	}

	/**
	 * Whether the server lives on after the application context that uses it closes: then, as with any server that
	 * does, a workflow cached by the closed context's workers must not wait for them (the SDK's test server never
	 * times out a sticky queue), and a task handed to a cancelled poll is not lost with the server.
	 * @return true for a server kept across DevTools restarts
	 */
	@Override
	public boolean outlivesContext() {
		return this.outlivesContext;
	}

	@Override
	public void close() {
		this.server.close();
	}

}
