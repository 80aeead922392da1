package io.github.workerstarter.sample.order.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.workerstarter.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the container image built from ops/Dockerfile would hold, made without Docker (there is no Docker engine on
 * the build machines): the Dockerfile's own extraction command run on the packaged jar, its COPY lines laid into one
 * directory as the image's layers would be, and its ENTRYPOINT started there. The application comes up, takes an
 * order to completion and drains on SIGTERM. What only a real build shows (the base image, the user, the layer cache)
 * is not covered.
 */
class DockerfileLayoutIT {

	private static final Path DOCKERFILE = Path.of("ops", "Dockerfile");

	private static final Pattern EXTRACT = Pattern.compile("^RUN (java -Djarmode=tools -jar application\\.jar extract .*)$", Pattern.MULTILINE);

	private static final Pattern COPY_LAYER = Pattern.compile("^COPY --from=extract /build/(\\S+)/ \\./$", Pattern.MULTILINE);

	private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT \\[(.*)]$", Pattern.MULTILINE);

	private Process app;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.destroyForcibly();
		}
	}

	@Test
	void theImagesLayersRunTheApplication() throws Exception {
		String dockerfile = Files.readString(DOCKERFILE);
		Path root = Path.of("target", "docker-layout");
		deleteRecursively(root);
		Path build = Files.createDirectories(root.resolve("build"));
		Path image = Files.createDirectories(root.resolve("application"));
		Files.copy(Path.of(System.getProperty("sample.jar")), build.resolve("application.jar"));

		Matcher extract = EXTRACT.matcher(dockerfile);
		assertThat(extract.find()).as("the Dockerfile extracts Boot's layers").isTrue();
		Process extraction = run(build, command(extract.group(1)));
		assertThat(extraction.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(extraction.exitValue()).as("extraction, see " + build.resolve("app.log")).isZero();

		List<String> layers = new ArrayList<>();
		Matcher copy = COPY_LAYER.matcher(dockerfile);
		while (copy.find()) {
			Path layer = build.resolve(copy.group(1));
			assertThat(layer).as("layer " + copy.group(1) + " from the extraction").isDirectory();
			copyInto(layer, image);
			layers.add(copy.group(1));
		}
		assertThat(layers).containsExactly("extracted/dependencies", "extracted/spring-boot-loader",
				"extracted/snapshot-dependencies", "extracted/application");
		assertThat(dockerfile).contains("EXPOSE 8080");

		Matcher entrypoint = ENTRYPOINT.matcher(dockerfile);
		assertThat(entrypoint.find()).isTrue();
		List<String> command = new ArrayList<>(Arrays.stream(entrypoint.group(1).split(","))
			.map((part) -> part.trim().replace("\"", ""))
			.toList());
		int port = freePort();
		command.addAll(List.of("--server.port=" + port, "--orders.payment-failure-rate=0"));
		command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
		this.app = run(image, command);

		Http http = new Http(port);
		await().atMost(Duration.ofMinutes(2))
			.ignoreExceptions()
			.until(() -> http.get("/actuator/health/readiness", Duration.ofSeconds(5)).status() == 200);
		Http.Response placed = http.post("/orders",
				"{\"customerId\":\"c-1\",\"item\":\"book\",\"quantity\":1,\"amount\":9.90}", Duration.ofSeconds(30));
		assertThat(placed.status()).isEqualTo(202);
		String orderId = placed.status("orderId");
		await().atMost(Duration.ofMinutes(1))
			.until(() -> http.get("/orders/" + orderId, Duration.ofSeconds(10)).status("status"), "COMPLETED"::equals);

		this.app.destroy();
		assertThat(this.app.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(this.app.exitValue()).isIn(0, 143);
		assertThat(Files.readString(image.resolve("app.log"))).contains("Temporal workers stopped in");
	}

	private static List<String> command(String line) {
		List<String> command = new ArrayList<>(List.of(line.split(" ")));
		command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
		return command;
	}

	private static Process run(Path directory, List<String> command) throws IOException {
		return new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("app.log").toFile())
			.start();
	}

	private static void copyInto(Path layer, Path image) throws IOException {
		try (Stream<Path> files = Files.walk(layer)) {
			for (Path file : files.toList()) {
				Path target = image.resolve(layer.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(file);
			}
		}
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
