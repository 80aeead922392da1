package io.github.workerstarter.sample.order;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.workerstarter.testing.CountingPort;
import io.github.workerstarter.testing.Http;
import io.github.workerstarter.testing.TestServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's fast-start recipe on the packaged sample, step by step as its Dockerfile runs them: extract the jar,
 * a training run with {@code -Dspring.context.exit=onRefresh} that writes the class data archive (CDS before JDK 25,
 * the AOT cache from 25 on) without a Temporal server (its target only counts connections: none may come), then the
 * application started with the archive ({@code -Xshare:on} fails the start if the archive cannot be used), against
 * a test server, until its workers poll and readiness is UP.
 */
class FastStartIT {

	private final List<Process> processes = new ArrayList<>();

	private TestServerProcess server;

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void theTrainingRunWritesTheArchiveWithoutAServerAndTheApplicationStartsWithIt(@TempDir Path image)
			throws Exception {
		String jar = Path.of(System.getProperty("sample.jar")).toAbsolutePath().toString();
		assertThat(run(image, List.of("-Djarmode=tools", "-jar", jar, "extract", "--destination", "application"))
			.waitFor(120, TimeUnit.SECONDS)).isTrue();
		Path application = image.resolve("application");
		String extractedJar;
		try (Stream<Path> files = Files.list(application)) {
			extractedJar = files.filter((file) -> file.toString().endsWith(".jar")).findFirst().orElseThrow().toString();
		}
		boolean aotCache = Runtime.version().feature() >= 25;
		String archive = aotCache ? "app.aot" : "application.jsa";

		try (CountingPort frontend = CountingPort.open()) {
			Process training = run(application, List.of(aotCache ? "-XX:AOTCacheOutput=" + archive
					: "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", extractedJar,
					"--temporal.target=" + frontend.target(), "--server.port=0"));
			assertThat(training.waitFor(180, TimeUnit.SECONDS)).as("the training run ends by itself").isTrue();
			assertThat(training.exitValue()).as(log(application)).isZero();
			assertThat(application.resolve(archive)).exists();
			assertThat(frontend.connections()).as("connections to the Temporal target during training").isZero();
		}

		this.server = TestServerProcess.start();
		int port = freePort();
		run(application, List.of(aotCache ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive,
				"-Xshare:on", "-jar", extractedJar, "--temporal.target=" + this.server.target(),
				"--server.port=" + port));
		Http actuator = new Http(port);
		await().atMost(Duration.ofSeconds(120))
			.ignoreExceptions()
			.until(() -> actuator.get("/actuator/health/readiness", Duration.ofSeconds(5)).status() == 200);
		assertThat(log(application)).contains("Temporal workers polling");
	}

	private Process run(Path directory, List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("fast-start.log").toFile()))
			.start();
		this.processes.add(process);
		return process;
	}

	private static String log(Path directory) throws IOException {
		Path log = directory.resolve("fast-start.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
