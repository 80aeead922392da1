package io.github.workerstarter.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Soak: one instance under a steady 10 orders a second for {@code reliability.soak.minutes} (2 by default; CI time), with the
 * sample's default simulated payment failures (half of all attempts fail and are retried). Heap after a full GC and
 * the live thread count are read every 30 s under load (the first reading, after 30 s, is the start) and once more
 * when every order has ended; no line is logged at ERROR.
 */
class SoakIT {

	private static final double ORDERS_PER_SECOND = 10;

	private static final Pattern SAMPLE = Pattern.compile("^(jvm_memory_used_bytes|jvm_threads_live_threads)(\\{[^}]*})?\\s+(\\S+)$");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void steadyLoadForMinutesLeavesHeapAndThreadsFlat() {
		Duration soak = Duration.ofMinutes(Long.getLong("reliability.soak.minutes", 2));
		String scenario = "soak";
		Figures figures = new Figures(scenario, "Soak: " + soak.toMinutes() + " minutes at 10 orders/s on one instance, "
				+ "half of all payment attempts failing (simulated)");
		try (TestServerProcess server = TestServerProcess.start();
				ServerClient client = ServerClient.connect(server.target());
				SampleApp app = SampleApp.of("a", scenario, server.target(), Reliability.STICKY_ON,
						"--orders.payment-delay=100ms");
				OrderTraffic traffic = new OrderTraffic(List.of(app))) {
			app.start().awaitReady();
			Reliability.warmUp(List.of(app), client);
			List<Memory> samples = new ArrayList<>();

			long start = System.currentTimeMillis();
			traffic.placeInBackground(Integer.MAX_VALUE, ORDERS_PER_SECOND);
			while (System.currentTimeMillis() - start < soak.toMillis()) {
				long next = (samples.size() + 1) * 30_000L;
				await().atMost(Duration.ofSeconds(40)).until(() -> System.currentTimeMillis() - start >= Math.min(next, soak.toMillis()));
				samples.add(sample(app));
			}
			traffic.stopPlacing();
			OrderOutcomes.Settled settled = new OrderOutcomes(client).settle(traffic, Duration.ofSeconds(60),
					Duration.ofMinutes(3));
			List<String> orderIds = settled.orderIds();
			Map<String, OrderOutcomes.Outcome> outcomes = settled.outcomes();
			Memory idle = sample(app);
			List<String> errors = AppLogs.of(List.of(app)).errorLines();
			Memory first = samples.get(0);
			Memory last = samples.get(samples.size() - 1);

			figures.add("orders accepted (202)", orderIds.size())
				.add("final states (FAILED: payment failed 5 times, simulated)", OrderOutcomes.byStatus(outcomes))
				.add("**lost** (not final)", OrderOutcomes.notFinal(outcomes).size())
				.add("heap after full GC under load: after 30 s / at the end / highest", Reliability.megabytes(first.heapAfterGc())
						+ " / " + Reliability.megabytes(last.heapAfterGc()) + " / "
						+ Reliability.megabytes(samples.stream().mapToLong(Memory::heapAfterGc).max().orElseThrow()))
				.add("live threads under load: after 30 s / at the end / highest", first.threads() + " / " + last.threads()
						+ " / " + samples.stream().mapToLong(Memory::threads).max().orElseThrow())
				.add("readings every 30 s (heap MB after GC : threads)", samples.stream()
					.map((memory) -> String.format("%.0f:%d", memory.heapAfterGc() / 1048576.0, memory.threads()))
					.toList())
				.add("after the load, every order ended: heap after GC / threads",
						Reliability.megabytes(idle.heapAfterGc()) + " / " + idle.threads())
				.add("ERROR lines in the log", errors.size())
				.add("payment attempts failed (simulated)", AppLogs.of(List.of(app)).count("failed on attempt"))
				.add("orders charged twice", AppLogs.of(List.of(app)).duplicateCharges());

			assertThat(traffic.unexpected()).isEmpty();
			assertThat(OrderOutcomes.notFinal(outcomes)).as("orders lost").isEmpty();
			assertThat(errors).as("ERROR lines").isEmpty();
		}
		finally {
			figures.write();
		}
	}

	/** Heap after a full GC (forced with jcmd) and live threads, as the application's own metrics show them. */
	private Memory sample(SampleApp app) {
		try {
			Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					String.valueOf(app.pid()), "GC.run").redirectErrorStream(true).start();
			gc.getInputStream().readAllBytes();
			assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
			String scrape = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			double heap = 0;
			double threads = 0;
			for (String line : scrape.split("\n")) {
				Matcher matcher = SAMPLE.matcher(line);
				if (!matcher.matches()) {
					continue;
				}
				if (matcher.group(1).equals("jvm_threads_live_threads")) {
					threads = Double.parseDouble(matcher.group(3));
				}
				else if (matcher.group(2) != null && matcher.group(2).contains("area=\"heap\"")) {
					heap += Double.parseDouble(matcher.group(3));
				}
			}
			return new Memory((long) heap, (long) threads);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Memory(long heapAfterGc, long threads) {
	}

}
