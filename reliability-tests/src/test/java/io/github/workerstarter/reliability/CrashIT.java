package io.github.workerstarter.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash: two instances take 200 orders at 20 a second (payments take 500 ms and never fail by themselves); halfway, the instance doing the most work is killed with
 * SIGKILL (no drain, no shutdown hook). Every order the API accepted must reach a final state on the survivor; how
 * long that takes and how many payments ran twice (at-least-once) are reported. With sticky execution on, the SDK's
 * test server keeps the next workflow task of every workflow cached on the dead instance on that instance's sticky
 * queue forever (a real server hands it on after the sticky timeout, 5 s): those orders are reported as stuck.
 */
class CrashIT {

	private static final int ORDERS = 200;

	@ParameterizedTest(name = "sticky-queue-schedule-to-start-timeout={0}")
	@ValueSource(strings = { Reliability.STICKY_OFF, Reliability.STICKY_ON })
	void sigkillOfTheBusiestInstanceLosesNoOrder(String sticky) {
		boolean stickyOn = !sticky.equals(Reliability.STICKY_OFF);
		String scenario = "crash-sticky-" + (stickyOn ? "on" : "off");
		Figures figures = new Figures(scenario, "Crash: SIGKILL of the busier of two instances, " + ORDERS
				+ " orders at 20/s, sticky execution " + (stickyOn ? "on (5s)" : "off (0s)"));
		try (TestServerProcess server = TestServerProcess.start();
				ServerClient client = ServerClient.connect(server.target());
				SampleApp a = app("a", scenario, server, sticky);
				SampleApp b = app("b", scenario, server, sticky);
				OrderTraffic traffic = new OrderTraffic(List.of(a, b))) {
			Stream.of(a, b).forEach(SampleApp::start);
			Stream.of(a, b).forEach(SampleApp::awaitReady);
			Reliability.warmUp(List.of(a, b), client);
			long warmUpWork = reserved(a) + reserved(b);

			traffic.placeInBackground(ORDERS, 20);
			// mid-load, and both instances past their first tasks of it
			await().atMost(Duration.ofMinutes(2))
				.until(() -> traffic.placed().size() >= ORDERS / 2 && reserved(a) + reserved(b) - warmUpWork >= ORDERS / 4);
			// the test server hands tasks to the poll that waited last: one instance does most of the work
			SampleApp victim = Stream.of(a, b).max(Comparator.comparingLong(CrashIT::reserved)).orElseThrow();
			long reservedByVictim = reserved(victim);
			long reservedByOther = reserved(victim == a ? b : a);
			traffic.takeOutOfService(victim);
			Instant killedAt = Instant.now();
			victim.kill();

			// sticky off: anything legitimately waiting moves on within about 15 s of the kill (10 s activity and
			// workflow task timeouts, retry backoff); a quiet minute means lost. Sticky on: stuck orders are
			// expected; 20 s without progress tell them.
			Duration quiet = Duration.ofSeconds(stickyOn ? 20 : 60);
			OrderOutcomes.Settled settled = new OrderOutcomes(client).settle(traffic, quiet, Duration.ofMinutes(5));
			List<String> orderIds = settled.orderIds();
			Map<String, OrderOutcomes.Outcome> outcomes = settled.outcomes();
			long inFlightAtKill = outcomes.values()
				.stream()
				.filter((outcome) -> outcome.closedAt().map((closed) -> closed.isAfter(killedAt)).orElse(true))
				.filter((outcome) -> traffic.placed()
					.stream()
					.anyMatch((placed) -> placed.orderId().equals(outcome.orderId())
							&& placed.acceptedAtMillis() < killedAt.toEpochMilli()))
				.count();
			OrderOutcomes.ActivityTrouble trouble = new OrderOutcomes(client).activityTrouble(orderIds, List.of());

			figures.add("orders accepted (202)", traffic.placed().size())
				.add("ReserveStock runs before the kill, warm-up included: victim / other", reservedByVictim + " / " + reservedByOther)
				.add("orders accepted before the kill and not finished at it", inFlightAtKill);
			settled.report(figures, stickyOn, quiet);
			figures.add("time from the kill to the last completion", OrderOutcomes.lastClose(outcomes)
					.filter((closed) -> closed.isAfter(killedAt))
					.map((closed) -> Reliability.seconds(Duration.between(killedAt, closed)))
					.orElse("-"))
				.add("activity attempts repeated (in flight on the victim, retried after their 10 s timeout)", trouble.repeatedAttempts())
				.add("orders charged twice (payment ran again after the kill)", AppLogs.of(List.of(a, b)).duplicateCharges())
				.add("requests unanswered (connection to the victim lost), retried by the client", traffic.unanswered());

			assertThat(traffic.unexpected()).isEmpty();
			assertThat(traffic.gaveUp()).isZero();
			if (!stickyOn) {
				assertThat(settled.notFinal()).as("orders lost").isEmpty();
			}
		}
		finally {
			figures.write();
		}
	}

	// ReserveStock runs (the first activity of an order) an instance has logged, warm-up included
	private static long reserved(SampleApp app) {
		return AppLogs.of(List.of(app)).count("Reserved ");
	}

	private static SampleApp app(String name, String scenario, TestServerProcess server, String sticky) {
		return SampleApp.of(name, scenario, server.target(), sticky, "--orders.payment-failure-rate=0",
				"--orders.payment-delay=500ms");
	}

}
