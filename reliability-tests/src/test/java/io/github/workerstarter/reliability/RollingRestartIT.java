package io.github.workerstarter.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rolling restart: three instances take orders at 8 a second while each in turn is taken out of the rotation, sent
 * SIGTERM (it drains: polling stops, running activities finish), and replaced by a new instance once that one is
 * ready. No order is lost, no activity is failed or timed out by a shutdown, and each instance's readiness probe
 * answers OUT_OF_SERVICE before its port closes. The instances keep polling their sticky queue for 2 s while draining
 * (temporal.shutdown.sticky-queue-drain-timeout), so every drain lasts at least that long.
 */
class RollingRestartIT {

	private static final double ORDERS_PER_SECOND = 8;

	@ParameterizedTest(name = "sticky-queue-schedule-to-start-timeout={0}")
	@ValueSource(strings = { Reliability.STICKY_OFF, Reliability.STICKY_ON })
	void threeInstancesRestartedOneByOneLoseNothing(String sticky) {
		boolean stickyOn = !sticky.equals(Reliability.STICKY_OFF);
		String scenario = "rolling-restart-sticky-" + (stickyOn ? "on" : "off");
		Figures figures = new Figures(scenario, "Rolling restart of three instances under 8 orders/s, sticky execution "
				+ (stickyOn ? "on (5s)" : "off (0s)"));
		List<SampleApp> all = new ArrayList<>();
		try (TestServerProcess server = TestServerProcess.start();
				ServerClient client = ServerClient.connect(server.target())) {
			List<SampleApp> running = new ArrayList<>();
			for (String name : List.of("a", "b", "c")) {
				running.add(app(name, scenario, server, sticky));
			}
			all.addAll(running);
			running.forEach(SampleApp::start);
			running.forEach(SampleApp::awaitReady);
			Reliability.warmUp(running, client);

			Map<String, Restart> restarts = new LinkedHashMap<>();
			try (OrderTraffic traffic = new OrderTraffic(running)) {
				traffic.placeInBackground(Integer.MAX_VALUE, ORDERS_PER_SECOND);
				for (SampleApp old : List.copyOf(running)) {
					// as a Deployment's rolling update with maxUnavailable 1: out of the Service, SIGTERM, and the
					// replacement starting while the old instance drains
					traffic.takeOutOfService(old);
					SampleApp replacement = app(old.name() + "2", scenario, server, sticky);
					all.add(replacement);
					Restart restart = restart(old, replacement);
					restarts.put(old.name(), restart);
					assertThat(restart.outOfServiceBeforePortClosed())
						.as(old.name() + " readiness OUT_OF_SERVICE before its port closed; probes: " + restart.probes())
						.isTrue();
					assertThat(restart.exitCode()).as(old.name() + " exit code").isIn(0, 143);
					replacement.awaitReady();
					traffic.putInService(replacement);
					running.set(running.indexOf(old), replacement);
				}
				traffic.stopPlacing();
				Duration quiet = Duration.ofSeconds(stickyOn ? 20 : 60);
				OrderOutcomes.Settled settled = new OrderOutcomes(client).settle(traffic, quiet, Duration.ofMinutes(4));
				List<String> orderIds = settled.orderIds();
				// the payment failure rate is 0 here: any failed or timed-out activity is the shutdown's doing
				OrderOutcomes.ActivityTrouble trouble = new OrderOutcomes(client).activityTrouble(orderIds, List.of());
				AppLogs logs = AppLogs.of(all);

				figures.add("orders accepted (202) during the rolling restart", orderIds.size());
				settled.report(figures, stickyOn, quiet);
				figures.add("activity attempts failed or repeated because of a shutdown",
						trouble.repeatedAttempts() + trouble.timedOut() + trouble.unexpectedTypes().size())
					.add("drains cut short by the drain timeout", logs.count("did not finish within the drain timeout"))
					.add("orders charged twice", logs.duplicateCharges())
					.add("requests unanswered, retried by the client", traffic.unanswered());
				restarts.forEach((name, restart) -> figures.add("SIGTERM to " + name, restart));
				assertThat(traffic.unexpected()).isEmpty();
				assertThat(traffic.gaveUp()).isZero();
				if (!stickyOn) {
					assertThat(settled.notFinal()).as("orders lost").isEmpty();
				}
				assertThat(trouble.unexpectedTypes()).as("activities failed by a shutdown").isEmpty();
				assertThat(trouble.timedOut()).as("activities timed out by a shutdown").isZero();
				assertThat(trouble.repeatedAttempts()).as("activity attempts repeated because of a shutdown").isZero();
			}
		}
		finally {
			all.forEach(SampleApp::close);
			figures.write();
		}
	}

	/** SIGTERM to an instance, starting its replacement, watching the old one's probes until its port closes. */
	private static Restart restart(SampleApp app, SampleApp replacement) {
		try (ProbeWatcher probes = new ProbeWatcher(app)) {
			long sigterm = System.currentTimeMillis();
			app.terminate();
			replacement.start();
			int exitCode = app.waitForExit(Duration.ofSeconds(90));
			long exited = System.currentTimeMillis();
			await().atMost(Duration.ofSeconds(10)).until(() -> probes.firstReadiness(ProbeWatcher.REFUSED, sigterm).isPresent());
			Optional<ProbeWatcher.Sample> outOfService = probes.firstReadiness("503 OUT_OF_SERVICE", sigterm);
			Optional<ProbeWatcher.Sample> closed = probes.firstReadiness(ProbeWatcher.REFUSED, sigterm);
			List<String> answers = probes.samples()
				.stream()
				.filter((sample) -> sample.atMillis() >= sigterm)
				.map(ProbeWatcher.Sample::readiness)
				.distinct()
				.toList();
			return new Restart(exitCode, exited - sigterm,
					outOfService.map((sample) -> sample.atMillis() - sigterm).orElse(-1L),
					closed.map((sample) -> sample.atMillis() - sigterm).orElse(-1L), answers);
		}
	}

	private record Restart(int exitCode, long exitMillis, long outOfServiceMillis, long portClosedMillis,
			List<String> probes) {

		boolean outOfServiceBeforePortClosed() {
			return this.outOfServiceMillis >= 0 && (this.portClosedMillis < 0 || this.outOfServiceMillis < this.portClosedMillis);
		}

		@Override
		public String toString() {
			return "readiness OUT_OF_SERVICE " + this.outOfServiceMillis + " ms after SIGTERM, port closed after "
					+ this.portClosedMillis + " ms, process exited after " + this.exitMillis + " ms (exit code "
					+ this.exitCode + ")";
		}

	}

	private static SampleApp app(String name, String scenario, TestServerProcess server, String sticky) {
		return SampleApp.of(name, scenario, server.target(), sticky, "--orders.payment-failure-rate=0",
				"--orders.payment-delay=1s", "--temporal.shutdown.sticky-queue-drain-timeout=2s");
	}

}
