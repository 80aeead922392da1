package io.github.workerstarter.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.workerstarter.benchmarks.child.ThreadCpu;

/**
 * The SDK's test server in a JVM of its own ({@code io.temporal.testserver.TestServer <port>}, real time), reached
 * over TCP on 127.0.0.1. Its CPU time is read from outside, so a run can say how much of the machine the server
 * took.
 */
public final class TestServerJvm implements AutoCloseable {

	private final ChildJvm jvm;

	private final int port;

	private TestServerJvm(ChildJvm jvm, int port) {
		this.jvm = jvm;
		this.port = port;
	}

	public static TestServerJvm start(String classpath, List<String> jvmOptions, Path log) {
		int port = freePort();
		ChildJvm jvm = ChildJvm.launch("test-server", classpath, jvmOptions, "io.temporal.testserver.TestServer",
				List.of(Integer.toString(port)), log);
		TestServerJvm server = new TestServerJvm(jvm, port);
		server.awaitListening(Duration.ofSeconds(60));
		return server;
	}

	public String target() {
		return "127.0.0.1:" + this.port;
	}

	public Duration cpu() {
		return this.jvm.cpu();
	}

	/** CPU milliseconds of the server's JIT compiler threads so far. */
	public long jitMillis() {
		return ThreadCpu.jit(ThreadCpu.byGroup(Long.toString(this.jvm.pid())));
	}

	private void awaitListening(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException notYet) {
				sleep(100);
			}
		}
		close();
		throw new IllegalStateException("Test server did not listen on port " + this.port + " within " + timeout);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.jvm.close();
	}

}
