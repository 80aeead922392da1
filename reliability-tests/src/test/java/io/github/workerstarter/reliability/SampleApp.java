package io.github.workerstarter.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.workerstarter.testing.Http;

import static org.awaitility.Awaitility.await;

/**
 * One instance of the packaged sample ({@link PackagedSample}: {@code java -jar}, extracted as in the container image)
 * as its own process, with its log in a file. Instances of one scenario share task queues, so they compete for the same work as replicas of a Deployment
 * would.
 */
final class SampleApp implements AutoCloseable {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private final String name;

	private final int port;

	private final Path log;

	private final List<String> command;

	private Process process;

	private SampleApp(String name, int port, Path log, List<String> command) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.command = command;
	}

	/**
	 * An instance, not started yet.
	 * @param name its name in figures and its log file's name
	 * @param scenario the scenario: task queues and the log directory are the scenario's own
	 * @param target where Temporal is (the test server, or the proxy in front of it)
	 * @param sticky the value of temporal.worker-defaults.sticky-queue-schedule-to-start-timeout (0s = off)
	 * @param arguments further --property=value arguments
	 */
	static SampleApp of(String name, String scenario, String target, String sticky, String... arguments) {
		List<String> launch = PackagedSample.launchCommand();
		List<String> command = new ArrayList<>(launch.subList(0, 1));
		command.addAll(List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
		command.addAll(launch.subList(1, launch.size()));
		int port = freePort();
		command.add("--server.port=" + port);
		command.add("--temporal.target=" + target);
		// the queues of this scenario only: leftovers of another scenario on the same server never mix in
		command.add("--ORDER_TASK_QUEUE=" + scenario + "-orders");
		command.add("--PAYMENT_TASK_QUEUE=" + scenario + "-payments");
		// set explicitly either way, so the suite never depends on what the starter picks for a test server
		command.add("--temporal.worker-defaults.sticky-queue-schedule-to-start-timeout=" + sticky);
		command.addAll(List.of(arguments));
		return new SampleApp(name, port, Reliability.directory(scenario).resolve(name + ".log"), command);
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	Path log() {
		return this.log;
	}

	Http http() {
		return new Http(this.port);
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts the process (appending to its log if it ran before). */
	SampleApp start() {
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Process started = this.process;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		return this;
	}

	/** Waits until the readiness probe answers 200 (workers polling, server reachable). */
	SampleApp awaitReady() {
		await(this.name + " ready").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
							+ "; see " + this.log.toAbsolutePath());
				}
				return http().get("/actuator/health/readiness", REQUEST_TIMEOUT).status() == 200;
			});
		return this;
	}

	/** SIGKILL: no shutdown hook runs, as in a crash or an OOM kill. */
	void kill() {
		this.process.destroyForcibly();
		waitForExit(Duration.ofSeconds(30));
	}

	/** SIGTERM, as Kubernetes sends it: the application drains and exits. */
	void terminate() {
		this.process.destroy();
	}

	/**
	 * Waits for the process to end.
	 * @return its exit code
	 */
	int waitForExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.name + " did not exit within " + timeout);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Override
	public String toString() {
		return this.name + " (port " + this.port + ", log " + this.log + ")";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
