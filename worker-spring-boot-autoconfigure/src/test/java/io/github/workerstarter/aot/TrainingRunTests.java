package io.github.workerstarter.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training run ({@code -Dspring.context.exit=onRefresh}, what Spring Boot's CDS and AOT cache recipes run while
 * building an image, where no Temporal server exists) refreshes the whole worker application, then ends: it neither
 * contacts the server nor starts pollers, and no thread of ours keeps the JVM from exiting. Each run is a JVM of its
 * own (the training run ends its JVM) against a loopback port that only counts connections. The control, the same
 * application without the switch, shows that the port does see a worker that starts.
 */
class TrainingRunTests {

	private ServerSocket frontend;

	private final AtomicInteger connections = new AtomicInteger();

	@BeforeEach
	void listen() throws IOException {
		this.frontend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.frontend.isClosed()) {
				try (Socket ignored = this.frontend.accept()) {
					this.connections.incrementAndGet();
				}
				catch (IOException closed) {
					return;
				}
			}
		}, "counting-frontend");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	@AfterEach
	void close() throws IOException {
		this.frontend.close();
	}

	@Test
	void aTrainingRunRefreshesTheWorkersWithoutContactingTheServerAndExits() throws Exception {
		Result training = run("-Dspring.context.exit=onRefresh");
		assertThat(training.exitCode()).as(training.output()).isZero();
		// the workers were built (registration and its checks ran) but never started
		assertThat(training.output()).contains("Temporal worker for task queue 'greetings'")
			.doesNotContain("Temporal workers polling");
		assertThat(this.connections).hasValue(0);
	}

	@Test
	void withoutTheSwitchTheSameApplicationContactsTheServer() throws Exception {
		// the counting port never answers like Temporal, so fail-fast ends the application after connecting
		Result normal = run();
		assertThat(normal.exitCode()).as(normal.output()).isNotZero();
		assertThat(normal.output()).contains("did not answer");
		assertThat(this.connections.get()).isPositive();
	}

	private record Result(int exitCode, String output) {
	}

	private Result run(String... jvmOptions) throws Exception {
		Path log = Files.createTempFile("training-run", ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainingRunApplication.class.getName(),
				"127.0.0.1:" + this.frontend.getLocalPort()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			// generous: JVM start-up on a busy two-core machine; a JVM held alive by a thread would hit this
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				throw new AssertionError("Did not exit within 120 s:\n" + read(log));
			}
			return new Result(process.exitValue(), read(log));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(log);
		}
	}

	private static String read(Path log) {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
