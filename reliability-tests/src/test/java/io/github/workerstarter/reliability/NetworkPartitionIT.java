package io.github.workerstarter.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Network partition: the instance reaches the Temporal server through a TCP proxy, which is cut for 30 s under load
 * (open connections reset, new ones refused), then restored. Readiness goes DOWN within 10 s of the cut and UP
 * within 10 s of the restore; liveness answers 200 throughout, so Kubernetes would restart nothing; orders sent
 * during the cut are answered 503 with Retry-After within seconds; every accepted order completes. One instance,
 * sticky execution on (5s): with no other instance, where its sticky tasks wait does not matter.
 */
class NetworkPartitionIT {

	private static final Duration CUT = Duration.ofSeconds(30);

	private static final Duration BOUND = Duration.ofSeconds(10);

	@Test
	void cutForThirtySecondsUnderLoadAndRestored() {
		String scenario = "network-partition";
		Figures figures = new Figures(scenario, "Network partition: the connection to Temporal cut for 30 s under 5 orders/s");
		try (TestServerProcess server = TestServerProcess.start();
				ServerClient client = ServerClient.connect(server.target());
				TcpProxy proxy = new TcpProxy(server.port());
				SampleApp app = SampleApp.of("a", scenario, proxy.target(), Reliability.STICKY_ON,
						"--orders.payment-failure-rate=0", "--orders.payment-delay=200ms")) {
			app.start().awaitReady();
			Reliability.warmUp(List.of(app), client);
			long pid = app.pid();

			try (ProbeWatcher probes = new ProbeWatcher(app); OrderTraffic traffic = new OrderTraffic(List.of(app))) {
				traffic.placeInBackground(Integer.MAX_VALUE, 5);
				await().atMost(Duration.ofMinutes(1)).until(() -> traffic.placed().size() >= 40);

				long cutAt = System.currentTimeMillis();
				proxy.cut();
				int acceptedBeforeCut = traffic.placed().size();
				// the partition lasts 30 s; liveness must answer 200 all along
				await().during(CUT).atMost(CUT.plusSeconds(10)).until(() -> probes.livenessFailures() == 0);
				long restoredAt = System.currentTimeMillis();
				proxy.restore();

				await("readiness UP after the restore").atMost(Duration.ofMinutes(1))
					.until(() -> probes.firstReadiness("200", restoredAt).isPresent());
				long readyAgain = probes.firstReadiness("200", restoredAt).orElseThrow().atMillis();
				await().atMost(Duration.ofMinutes(1)).until(() -> traffic.placed().size() >= acceptedBeforeCut + 40);
				traffic.stopPlacing();
				OrderOutcomes.Settled settled = new OrderOutcomes(client).settle(traffic, Duration.ofSeconds(60),
						Duration.ofMinutes(3));
				List<String> orderIds = settled.orderIds();
				Map<String, OrderOutcomes.Outcome> outcomes = settled.outcomes();
				List<String> notFinal = OrderOutcomes.notFinal(outcomes);
				OrderOutcomes.ActivityTrouble trouble = new OrderOutcomes(client).activityTrouble(orderIds, List.of());
				long down = probes.firstReadiness("503", cutAt).map(ProbeWatcher.Sample::atMillis).orElse(-1L) - cutAt;
				long up = readyAgain - restoredAt;
				List<OrderTraffic.Refusal> refusals = traffic.refusals();

				figures.add("readiness DOWN after the cut", down + " ms")
					.add("readiness UP after the restore", up + " ms")
					.add("liveness answers other than 200 (" + probes.samples().size() + " probes, every 100 ms)",
							probes.livenessFailures())
					.add("process restarted", app.pid() != pid || !app.isAlive())
					.add("POSTs answered 503 during the cut (each client retries after Retry-After)", refusals.size())
					.add("slowest 503 answer", refusals.stream().mapToLong(OrderTraffic.Refusal::tookMillis).max().orElse(-1) + " ms")
					.add("Retry-After of the 503s", refusals.stream().map(OrderTraffic.Refusal::retryAfter).distinct().toList())
					.add("orders accepted (202), before, during and after the cut", orderIds.size())
					.add("final states", OrderOutcomes.byStatus(outcomes))
					.add("**lost** (not final)", notFinal.size())
					.add("activity attempts repeated (their results could not be reported during the cut)", trouble.repeatedAttempts())
					.add("orders charged twice", AppLogs.of(List.of(app)).duplicateCharges());

				assertThat(down).as("readiness DOWN within 10 s of the cut").isBetween(0L, BOUND.toMillis());
				assertThat(up).as("readiness UP within 10 s of the restore").isBetween(0L, BOUND.toMillis());
				assertThat(probes.livenessFailures()).as("liveness failures").isZero();
				assertThat(app.isAlive()).isTrue();
				assertThat(app.pid()).isEqualTo(pid);
				assertThat(refusals).as("POSTs during the cut answered 503").isNotEmpty()
					.allSatisfy((refusal) -> assertThat(refusal.retryAfter()).isNotEmpty());
				assertThat(traffic.unexpected()).isEmpty();
				assertThat(traffic.gaveUp()).isZero();
				assertThat(notFinal).as("orders lost").isEmpty();
			}
		}
		finally {
			figures.write();
		}
	}

}
