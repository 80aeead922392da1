package io.github.workerstarter.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.workerstarter.testing.ServerClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the suite writes (target/reliability/), and how it formats what it measured. */
final class Reliability {

	/** The sticky queue timeout of the runs with sticky execution on: the SDK's default. */
	static final String STICKY_ON = "5s";

	/** Sticky execution off: every workflow task goes to the task queue any worker polls. */
	static final String STICKY_OFF = "0s";

	/** Why orders get stuck with sticky execution on, for the figures of those runs. */
	static final String STICKY_NOTE = "With sticky execution on, a stuck order's next workflow task waits on the sticky "
			+ "queue of an instance that is gone: the SDK's test server never times a sticky queue out (and ignores a "
			+ "draining worker's shutdown call). A Temporal server hands such a task to the normal queue after the "
			+ "sticky schedule-to-start timeout (5 s), so these orders would move on there.";

	private Reliability() {
	}

	/** The scenario's directory, emptied: logs of an earlier run must not count in this one. */
	static Path freshDirectory(String scenario) {
		Path directory = directory(scenario);
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return directory;
	}

	static Path directory(String scenario) {
		Path directory = Path.of("target", "reliability", scenario);
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return directory;
	}

	/**
	 * Ten orders through the instances, all completed, before anything is measured: a service under test has run
	 * before (classes loaded, JIT warm, connections open), as a service in production has.
	 */
	static void warmUp(List<SampleApp> apps, ServerClient client) {
		try (OrderTraffic warmup = new OrderTraffic(apps)) {
			warmup.placeInBackground(10, 10);
			warmup.awaitAllAnswered(Duration.ofMinutes(2));
			List<String> orderIds = warmup.placed().stream().map(OrderTraffic.Placed::orderId).toList();
			assertThat(OrderOutcomes.notFinal(new OrderOutcomes(client).awaitFinal(orderIds, Duration.ofSeconds(60),
					Duration.ofMinutes(2)))).as("warm-up orders not final").isEmpty();
		}
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
	}

	/** The machine's load average over the last minute, as uptime shows it. */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
