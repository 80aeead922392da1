package io.github.workerstarter.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.workerstarter.benchmarks.child.ChildOutput;

/**
 * A child JVM started as {@code java -cp <classpath> <main> <args>}, the way every variant runs. Its output goes to a
 * log file; marker lines ({@link ChildOutput}) are timestamped on arrival, relative to the launch, so "time to X"
 * includes the JVM's own start.
 */
public final class ChildJvm implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String name;

	private final Process process;

	private final long launchedNanos;

	private final Map<String, CompletableFuture<Marker>> markers = new ConcurrentHashMap<>();

	private final CompletableFuture<JsonNode> result = new CompletableFuture<>();

	private final CompletableFuture<Long> exitedNanos = new CompletableFuture<>();

	private final List<String> tail = new ArrayList<>();

	/** A marker line: when the harness read it (ns after launch) and the child's own wall clock. */
	public record Marker(long nanosAfterLaunch, long childEpochMillis) {

		public double millisAfterLaunch() {
			return this.nanosAfterLaunch / 1e6;
		}

	}

	private ChildJvm(String name, Process process, long launchedNanos, Path log) throws IOException {
		this.name = name;
		this.process = process;
		this.launchedNanos = launchedNanos;
		Files.createDirectories(log.getParent());
		PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
		Thread reader = new Thread(() -> pump(logWriter), "child-output-" + name);
		reader.setDaemon(true);
		reader.start();
		process.onExit().thenRun(() -> this.exitedNanos.complete(System.nanoTime() - this.launchedNanos));
	}

	public static ChildJvm launch(String name, String classpath, List<String> jvmOptions, String mainClass,
			List<String> args, Path log) {
		return launch(name, Jdk.current(), classpath, jvmOptions, mainClass, args, log);
	}

	public static ChildJvm launch(String name, Jdk jdk, String classpath, List<String> jvmOptions, String mainClass,
			List<String> args, Path log) {
		List<String> command = new ArrayList<>();
		command.add(jdk.java());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(args);
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			long launched = System.nanoTime();
			return new ChildJvm(name, builder.start(), launched, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not launch " + name, ex);
		}
	}

	private void pump(PrintWriter log) {
		try (log; BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				long now = System.nanoTime() - this.launchedNanos;
				log.println(line);
				remember(line);
				if (line.startsWith(ChildOutput.MARK)) {
					String[] parts = line.substring(ChildOutput.MARK.length()).trim().split(" ");
					marker(parts[0]).complete(new Marker(now, Long.parseLong(parts[1])));
				}
				else if (line.startsWith(ChildOutput.RESULT)) {
					this.result.complete(JSON.readTree(line.substring(ChildOutput.RESULT.length())));
				}
			}
		}
		catch (IOException ex) {
			this.result.completeExceptionally(ex);
		}
		finally {
			this.result.completeExceptionally(new IllegalStateException(this.name + " ended without a result"));
		}
	}

	private synchronized void remember(String line) {
		this.tail.add(line);
		if (this.tail.size() > 40) {
			this.tail.remove(0);
		}
	}

	private CompletableFuture<Marker> marker(String markerName) {
		return this.markers.computeIfAbsent(markerName, (key) -> new CompletableFuture<>());
	}

	public Marker awaitMarker(String markerName, Duration timeout) {
		return await(marker(markerName), timeout, "marker " + markerName);
	}

	public JsonNode awaitResult(Duration timeout) {
		return await(this.result, timeout, "its result");
	}

	/** Waits for the process to end. @return nanoseconds from launch to exit */
	public long awaitExit(Duration timeout) {
		return await(this.exitedNanos, timeout, "exit");
	}

	/** The exit code, once {@link #awaitExit} returned. */
	public int exitValue() {
		return this.process.exitValue();
	}

	public long pid() {
		return this.process.pid();
	}

	public long launchedNanos() {
		return this.launchedNanos;
	}

	/**
	 * Sends SIGTERM, as an orchestrator stopping the application would. Through the process handle:
	 * {@code Process.destroy()} would also close our end of the child's output, and with it the result line it
	 * prints while it shuts down.
	 */
	public void terminate() {
		this.process.toHandle().destroy();
	}

	/** CPU time the process has used so far (user + system). */
	public Duration cpu() {
		return this.process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new IllegalStateException(this.name + " did not deliver " + what + " within " + timeout
					+ "; last lines:\n  " + String.join("\n  ", lastLines()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private synchronized List<String> lastLines() {
		return List.copyOf(this.tail);
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
