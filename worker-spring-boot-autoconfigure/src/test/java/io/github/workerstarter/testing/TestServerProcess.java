package io.github.workerstarter.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The SDK's Temporal test server in a separate JVM ({@code io.temporal.testserver.TestServer <port>}, real time),
 * so a test can kill it and start it again on the same port. Its state lives in memory: a restarted server has no
 * history. It listens on all interfaces; tests only talk to it on 127.0.0.1.
 */
public final class TestServerProcess implements AutoCloseable {

	private final int port;

	private final Path log;

	private Process process;

	private TestServerProcess(int port) {
		this.port = port;
		this.log = Path.of("target", "test-server-" + port + ".log");
	}

	/** A server on a free port, started and answering. */
	public static TestServerProcess start() {
		TestServerProcess server = new TestServerProcess(freePort());
		server.startProcess();
		return server;
	}

	/** A server on a free port, not started yet: for tests that start the application first. */
	public static TestServerProcess notStarted() {
		return new TestServerProcess(freePort());
	}

	/** Starts (or starts again) the process and waits until the port accepts connections. */
	public synchronized void startProcess() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			Files.createDirectories(this.log.getParent());
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			this.process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
					"io.temporal.testserver.TestServer", String.valueOf(this.port)))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await("test server on port " + this.port).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(this::accepting);
	}

	/** Kills the process at once (SIGKILL), as a crashed server would go. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> !accepting());
	}

	public int port() {
		return this.port;
	}

	/** The value for {@code temporal.target}. */
	public String target() {
		return "127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		kill();
	}

	private boolean accepting() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "TestServerProcess[" + target() + ", log " + this.log.toAbsolutePath() + File.separator + "]";
	}

}
