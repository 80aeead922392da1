package io.github.workerstarter.devtools;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.workerstarter.fixtures.devtools.RestartApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot DevTools restarts, as a developer gets them: the application runs with DevTools in a JVM of its own, its
 * classes in a directory (an IDE's output folder); the test compiles a changed class into that directory, DevTools'
 * file watcher sees it and restarts the context in the same JVM on a new class loader. The workers drain and start
 * again on the new code; the embedded server, kept across the restart, still has the workflow started before the
 * change, which then completes on the new code; nothing the first context started (threads, ports) is left.
 */
class DevToolsRestartTests {

	private static final Pattern PORT = Pattern.compile("REPORT port (\\d+)");

	private static final String FIXTURES = RestartApplication.class.getPackageName().replace('.', '/');

	@TempDir
	Path directory;

	@Test
	void aWorkflowStartedBeforeAClassChangeCompletesAfterTheRestartOnTheNewCode() throws Exception {
		Path classes = this.directory.resolve("classes");
		copyFixtures(classes);
		String classPath = classes + File.pathSeparator + applicationClassPath();
		Path log = this.directory.resolve("app.log");
		Process app = new ProcessBuilder(javaCommand(classPath)).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			await("first context").atMost(Duration.ofSeconds(120)).until(() -> read(log).contains("REPORT started"));
			int firstPort = ports(read(log)).get(0);

			// the class change DevTools watches for: a new version of the activity, compiled where the IDE would
			compileChangedActivity(classes, classPath);

			await("restart").atMost(Duration.ofSeconds(120)).until(() -> read(log).contains("REPORT done"));
			String output = read(log);
			// the workflow the first context started completed after the restart, on the new code
			assertThat(output).contains("REPORT result v2");
			// the workers drained with the first context and started again with the second
			assertThat(output).contains("Temporal workers draining").contains("Temporal workers stopped");
			assertThat(occurrences(output, "Temporal workers polling")).isEqualTo(2);
			assertThat(output).contains("Embedded Temporal server started; DevTools restarts keep it");
			assertThat(occurrences(output, "Embedded Temporal server started")).isEqualTo(1);
			// the server kept across restarts is the SDK's test server: sticky execution off, so the new workers
			// get the workflow's next task
			assertThat(output).contains("Sticky execution is off for [restarts]");

			// nothing of the first context is left: its web port is closed, its worker threads are gone
			int secondPort = ports(output).get(1);
			if (firstPort != secondPort) {
				assertThat(accepting(firstPort)).as("first context's port %d", firstPort).isFalse();
			}
			assertThat(accepting(secondPort)).isTrue();
			// threads of the first context still alive, as the second one lists them every half second (a library's
			// shutdown may finish a moment after the context closed)
			await("first context's threads gone").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<String> snapshots = linesAfter(read(log), "REPORT first-context-threads ");
				assertThat(snapshots).isNotEmpty();
				String last = snapshots.get(snapshots.size() - 1);
				List<String> left = last.isEmpty() ? List.of() : Arrays.asList(last.split(" ;; "));
				assertThat(left).as("threads of the first context still alive (name | stack)")
					.allMatch((thread) -> keptOnPurpose(thread.substring(0, thread.indexOf(" | "))));
			});
			if (Files.isDirectory(Path.of("/proc", String.valueOf(app.pid())))) {
				assertThat(listeningPorts(app.pid())).as("ports the JVM listens on").containsExactly(secondPort);
			}
		}
		finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	/**
	 * Threads the first context's beans started that may outlive it: the kept embedded server's own (its timer pump,
	 * TestWorkflowService's background scheduler, the only unnamed pool thread here), grpc-java's process-wide
	 * executor and timer its in-memory channel uses, and one-per-JVM pools (the Prometheus client's scheduler, the
	 * JDK's). Every thread of the workers, the clients, the starter's lifecycle, the web server and DevTools' file
	 * watcher has a name of its own and must be gone.
	 */
	private static boolean keptOnPurpose(String name) {
		return name.equals("SelfAdvancingTimer Pump") || name.matches("pool-\\d+-thread-1")
				|| name.startsWith("grpc-default-executor-") || name.startsWith("grpc-timer-")
				|| name.startsWith("prometheus-metrics-scheduler-") || name.startsWith("ForkJoinPool.commonPool-")
				|| name.equals("Common-Cleaner");
	}

	private static List<String> javaCommand(String classPath) {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp", classPath,
				RestartApplication.class.getName(), "--temporal.target=embedded", "--temporal.workers.restarts.workflows=true",
				"--server.port=0", "--spring.devtools.livereload.enabled=false",
				"--spring.devtools.restart.poll-interval=300ms", "--spring.devtools.restart.quiet-period=100ms",
				"--spring.main.banner-mode=off");
	}

	// the application's classes go to a directory of their own; the test classes are not on its class path
	private static void copyFixtures(Path classes) throws IOException {
		Path source = Path.of("target", "test-classes", FIXTURES);
		Path target = classes.resolve(FIXTURES);
		Files.createDirectories(target);
		try (Stream<Path> files = Files.list(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	// what a build tool gives the application: the starter (classes directory, kept out of restarts by the
	// starter's META-INF/spring-devtools.properties) and the jars, DevTools among them; not Docker Compose support
	private static String applicationClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.contains("spring-boot-docker-compose"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static void compileChangedActivity(Path classes, String classPath) throws IOException {
		Path sources = Files.createDirectories(classes.getParent().resolve("changed").resolve(FIXTURES));
		Path source = sources.resolve("CodeVersionActivitiesImpl.java");
		Files.writeString(source, """
				package io.github.workerstarter.fixtures.devtools;

				import io.github.workerstarter.annotation.ActivityImpl;

				@ActivityImpl(taskQueues = "restarts")
				public class CodeVersionActivitiesImpl implements CodeVersionActivities {

					@Override
					public String version() {
						return "v2";
					}

				}
				""");
		// compiled aside, then moved in at once: DevTools must not see half a class file
		Path out = Files.createDirectories(classes.getParent().resolve("changed-classes"));
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac.run(null, null, null, "-d", out.toString(), "-cp", classPath, "-proc:none", source.toString()))
			.as("javac")
			.isZero();
		Files.move(out.resolve(FIXTURES).resolve("CodeVersionActivitiesImpl.class"),
				classes.resolve(FIXTURES).resolve("CodeVersionActivitiesImpl.class"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	private static String read(Path log) {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Integer> ports(String output) {
		List<Integer> ports = new ArrayList<>();
		Matcher matcher = PORT.matcher(output);
		while (matcher.find()) {
			ports.add(Integer.parseInt(matcher.group(1)));
		}
		return ports;
	}

	private static List<String> linesAfter(String output, String prefix) {
		return output.lines().filter((line) -> line.startsWith(prefix)).map((line) -> line.substring(prefix.length())).toList();
	}

	private static long occurrences(String output, String text) {
		return output.lines().filter((line) -> line.contains(text)).count();
	}

	private static boolean accepting(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The TCP ports a process listens on, from Linux's /proc: the sockets in LISTEN state among its descriptors. */
	private static Set<Integer> listeningPorts(long pid) throws IOException {
		Set<String> inodes;
		try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
			inodes = fds.map(DevToolsRestartTests::link)
				.filter((target) -> target.startsWith("socket:["))
				.map((target) -> target.substring("socket:[".length(), target.length() - 1))
				.collect(Collectors.toSet());
		}
		Set<Integer> ports = new java.util.TreeSet<>();
		for (String table : List.of("tcp", "tcp6")) {
			Path file = Path.of("/proc", String.valueOf(pid), "net", table);
			if (!Files.exists(file)) {
				continue;
			}
			for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
				String[] fields = line.trim().split("\\s+");
				// local address, state 0A = LISTEN, inode
				if (fields[3].equals("0A") && inodes.contains(fields[9])) {
					ports.add(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16));
				}
			}
		}
		return ports;
	}

	private static String link(Path fd) {
		try {
			return Files.readSymbolicLink(fd).toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

}
