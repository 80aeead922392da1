package io.github.workerstarter.reliability;

import java.time.Duration;
import java.time.Instant;
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
 * ready. No order is lost, no activity is failed or timed out by a shutdown, no drain is cut short, and each
 * instance's readiness probe answers OUT_OF_SERVICE before its port closes. With sticky execution on, the instances
 * keep polling their sticky queue for 2 s while draining (temporal.shutdown.sticky-queue-drain-timeout), so workflows
 * whose activities finish during the drain move on there.
 *
 * <p>The SDK's test server has no graceful poll shutdown (it does not advertise the
 * {@code worker_poll_complete_on_shutdown} namespace capability), so the SDK cancels a stopping worker's waiting
 * polls, and a task the server hands to one at that instant waits for its start-to-close timeout and runs again.
 * Without a sticky-queue drain the starter first lets those polls come back (temporal.shutdown.poll-return-timeout);
 * with one, polling must go on and the SDK cancels them. Such a task was scheduled while its instance was draining;
 * a repeated activity scheduled while no instance was draining (one that was running when a drain began, say) fails
 * the test.
 */
class RollingRestartIT {

	private static final double ORDERS_PER_SECOND = 8;

	// a task handed to a poll just before the SIGTERM can reach the worker after it: the server's clock and the
	// test's are one, but the worker's poll thread may not have read the answer yet
	private static final Duration HANDED_BEFORE_SIGTERM = Duration.ofMillis(250);

	private static final String CANCELLED_POLL_NOTE = "An activity whose task was handed to a poll as a draining "
			+ "instance's SDK cancelled it runs again after its 10 s start-to-close timeout: the SDK's test server has no graceful poll "
			+ "shutdown, so the SDK cancels a stopping worker's outstanding polls. A Temporal server that advertises the "
			+ "worker_poll_complete_on_shutdown namespace capability answers those polls empty instead, and the SDK "
			+ "(1.38) then waits for them rather than cancelling them. Without a sticky-queue drain, the starter's drain "
			+ "first lets the waiting polls come back (temporal.shutdown.poll-return-timeout, 500 ms); with one (sticky "
			+ "execution on here), polling must go on and the SDK cancels them. Such an activity is counted only when it "
			+ "was scheduled between its instance's SIGTERM and its exit.";

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

				List<OrderOutcomes.RepeatedActivity> cancelledPolls = trouble.repeated()
					.stream()
					.filter((repeat) -> restarts.values().stream().anyMatch((restart) -> restart.wasDraining(repeat.scheduledAt())))
					.toList();
				List<OrderOutcomes.RepeatedActivity> otherRepeats = trouble.repeated()
					.stream()
					.filter((repeat) -> !cancelledPolls.contains(repeat))
					.toList();
				long drainsCutShort = logs.count("did not finish within the drain timeout");

				figures.add("orders accepted (202) during the rolling restart", orderIds.size());
				settled.report(figures, stickyOn, quiet);
				figures.add("activities failed or timed out because of a shutdown",
						trouble.timedOut() + trouble.unexpectedTypes().size())
					.add("activities run again: their task was handed to a poll as the draining SDK cancelled it (see note)",
							describe(cancelledPolls))
					.add("activities run again otherwise (a shutdown's doing)", describe(otherRepeats))
					.add("drains cut short by the drain timeout", drainsCutShort)
					.add("orders charged twice", logs.duplicateCharges())
					.add("requests unanswered, retried by the client", traffic.unanswered());
				restarts.forEach((name, restart) -> figures.add("SIGTERM to " + name, restart));
				figures.note(CANCELLED_POLL_NOTE);
				assertThat(traffic.unexpected()).isEmpty();
				assertThat(traffic.gaveUp()).isZero();
				if (!stickyOn) {
					assertThat(settled.notFinal()).as("orders lost").isEmpty();
				}
				assertThat(trouble.unexpectedTypes()).as("activities failed by a shutdown").isEmpty();
				assertThat(trouble.timedOut()).as("activities timed out by a shutdown").isZero();
				assertThat(drainsCutShort).as("drains cut short by the drain timeout").isZero();
				assertThat(otherRepeats).as("activities run again though scheduled while no instance was draining")
					.isEmpty();
			}
		}
		finally {
			all.forEach(SampleApp::close);
			figures.write();
		}
	}

	private static String describe(List<OrderOutcomes.RepeatedActivity> repeats) {
		int attempts = repeats.stream().mapToInt(OrderOutcomes.RepeatedActivity::extraAttempts).sum();
		return attempts + (repeats.isEmpty() ? "" : " " + repeats.stream()
			.map((repeat) -> repeat.activityType() + " of " + repeat.orderId() + " scheduled at " + repeat.scheduledAt())
			.toList());
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
			return new Restart(Instant.ofEpochMilli(sigterm), exitCode, exited - sigterm,
					outOfService.map((sample) -> sample.atMillis() - sigterm).orElse(-1L),
					closed.map((sample) -> sample.atMillis() - sigterm).orElse(-1L), answers);
		}
	}

	private record Restart(Instant sigterm, int exitCode, long exitMillis, long outOfServiceMillis,
			long portClosedMillis, List<String> probes) {

		/** Whether the instance was draining (between its SIGTERM and its exit) at that moment. */
		boolean wasDraining(Instant moment) {
			return !moment.isBefore(this.sigterm.minus(HANDED_BEFORE_SIGTERM))
					&& !moment.isAfter(this.sigterm.plusMillis(this.exitMillis));
		}

		boolean outOfServiceBeforePortClosed() {
			return this.outOfServiceMillis >= 0 && (this.portClosedMillis < 0 || this.outOfServiceMillis < this.portClosedMillis);
		}

		@Override
		public String toString() {
			return "SIGTERM at " + this.sigterm + ": readiness OUT_OF_SERVICE " + this.outOfServiceMillis + " ms after SIGTERM, port closed after "
					+ this.portClosedMillis + " ms, process exited after " + this.exitMillis + " ms (exit code "
					+ this.exitCode + ")";
		}

	}

	private static SampleApp app(String name, String scenario, TestServerProcess server, String sticky) {
		String stickyDrain = sticky.equals(Reliability.STICKY_OFF) ? "0s" : "2s";
		return SampleApp.of(name, scenario, server.target(), sticky, "--orders.payment-failure-rate=0",
				"--orders.payment-delay=1s", "--temporal.shutdown.sticky-queue-drain-timeout=" + stickyDrain);
	}

}
