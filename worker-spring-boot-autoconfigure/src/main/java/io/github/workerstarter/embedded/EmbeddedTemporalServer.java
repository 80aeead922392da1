package io.github.workerstarter.embedded;

import org.jspecify.annotations.Nullable;

import io.grpc.ManagedChannel;
import io.temporal.testserver.TestServer;

/**
 * The SDK's Java test server running inside the application: a real Temporal gRPC service, reached through an
 * in-memory channel, so it opens no port at all. Time skipping is locked, so timers and retries run in real time
 * as on a real cluster. State lives in memory and is gone when the application stops; with Spring Boot DevTools it
 * outlives the restarts (see {@link #outlivingRestarts()}).
 */
public final class EmbeddedTemporalServer implements InProcessServer, AutoCloseable {

	private final TestServer.@Nullable InProcessTestServer server;

	private final ManagedChannel channel;

	private final boolean outlivesContext;

	public EmbeddedTemporalServer() {
		this(false);
	}

	private EmbeddedTemporalServer(boolean outlivesContext) {
		this.server = TestServer.createServer(true);
		this.channel = this.server.getChannel();
		this.outlivesContext = outlivesContext;
	}

	private EmbeddedTemporalServer(ManagedChannel channel) {
		this.server = null;
		this.channel = channel;
		this.outlivesContext = false;
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
		if (this.server != null) {
			this.server.close();
		}
	}

}
