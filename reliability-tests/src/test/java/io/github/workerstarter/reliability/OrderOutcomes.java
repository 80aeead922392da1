package io.github.workerstarter.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.google.protobuf.Timestamp;
import org.awaitility.core.ConditionTimeoutException;

import io.github.workerstarter.testing.ServerClient;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;

import static org.awaitility.Awaitility.await;

/**
 * The orders as the Temporal server knows them, read with a plain client: which reached a final state, when, and
 * what their histories say about activities.
 */
final class OrderOutcomes {

	/** One order's state. */
	record Outcome(String orderId, WorkflowExecutionStatus status, Optional<Instant> closedAt) {

		boolean isFinal() {
			return this.status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
		}

	}

	private final ServerClient server;

	OrderOutcomes(ServerClient server) {
		this.server = server;
	}

	/**
	 * Waits until every order is in a final state, or until none has reached one for {@code quietPeriod}, or until
	 * {@code timeout}.
	 * @return the last outcome of each order
	 */
	Map<String, Outcome> awaitFinal(Collection<String> orderIds, Duration quietPeriod, Duration timeout) {
		AtomicReference<Map<String, Outcome>> last = new AtomicReference<>(Map.of());
		long[] lastProgress = { System.nanoTime() };
		long[] lastFinals = { -1 };
		try {
			await("orders final").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
				Map<String, Outcome> outcomes = describe(orderIds);
				last.set(outcomes);
				long finals = outcomes.values().stream().filter(Outcome::isFinal).count();
				if (finals != lastFinals[0]) {
					lastFinals[0] = finals;
					lastProgress[0] = System.nanoTime();
				}
				return finals == orderIds.size() || System.nanoTime() - lastProgress[0] > quietPeriod.toNanos();
			});
		}
		catch (ConditionTimeoutException ex) {
			// reported by the caller as orders not final
		}
		return last.get();
	}

	/**
	 * Waits for the traffic's last answers, then for every accepted order to end.
	 * @param quietPeriod how long without any order ending counts as "the rest will not end"
	 */
	Settled settle(OrderTraffic traffic, Duration quietPeriod, Duration timeout) {
		traffic.awaitAllAnswered(Duration.ofMinutes(3));
		List<String> orderIds = traffic.placed().stream().map(OrderTraffic.Placed::orderId).toList();
		return new Settled(orderIds, awaitFinal(orderIds, quietPeriod, timeout));
	}

	/**
	 * Every accepted order and how it ended.
	 * @param orderIds the orders answered 202
	 * @param outcomes their last state
	 */
	record Settled(List<String> orderIds, Map<String, Outcome> outcomes) {

		List<String> notFinal() {
			return OrderOutcomes.notFinal(this.outcomes);
		}

		/** The figure of the orders that did not end: lost, or, with sticky execution on, stuck on the test server. */
		void report(Figures figures, boolean stickyOn, Duration quietPeriod) {
			figures.add("final states", byStatus(this.outcomes));
			if (stickyOn) {
				figures.add("**stuck** (not final after " + quietPeriod.toSeconds() + " s without progress)",
						notFinal().size());
				figures.note(Reliability.STICKY_NOTE);
			}
			else {
				figures.add("**lost** (not final)", notFinal().size());
			}
		}

	}

	Map<String, Outcome> describe(Collection<String> orderIds) {
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		for (String orderId : orderIds) {
			WorkflowExecutionInfo info = this.server.stubs()
				.blockingStub()
				.describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
					.setNamespace("default")
					.setExecution(WorkflowExecution.newBuilder().setWorkflowId(orderId))
					.build())
				.getWorkflowExecutionInfo();
			Optional<Instant> closedAt = info.hasCloseTime()
					? Optional.of(Instant.ofEpochSecond(info.getCloseTime().getSeconds(), info.getCloseTime().getNanos()))
					: Optional.empty();
			outcomes.put(orderId, new Outcome(orderId, info.getStatus(), closedAt));
		}
		return outcomes;
	}

	/** How many orders ended in each state, e.g. {COMPLETED=195, FAILED=5}. */
	static Map<String, Long> byStatus(Map<String, Outcome> outcomes) {
		return outcomes.values()
			.stream()
			.collect(Collectors.groupingBy((outcome) -> outcome.status().name().replace("WORKFLOW_EXECUTION_STATUS_", ""),
					TreeMap::new, Collectors.counting()));
	}

	static List<String> notFinal(Map<String, Outcome> outcomes) {
		return outcomes.values().stream().filter((outcome) -> !outcome.isFinal()).map(Outcome::orderId).toList();
	}

	/** The latest close time among the orders, if any closed. */
	static Optional<Instant> lastClose(Map<String, Outcome> outcomes) {
		return outcomes.values().stream().flatMap((outcome) -> outcome.closedAt().stream()).max(Instant::compareTo);
	}

	/**
	 * Activity attempts that did not end by themselves. A retried attempt leaves no event of its own, and the SDK's
	 * test server does not record why it ended (no last failure on the next attempt's started event), so with the
	 * sample's simulated payment failures off, every attempt after the first is one a fault cost: its worker vanished,
	 * its result could not be reported in time, or its task was handed to a poll that was being cancelled.
	 * @param expectedFailureTypes failure types of final activity failures that are not a fault's doing
	 */
	ActivityTrouble activityTrouble(Collection<String> orderIds, List<String> expectedFailureTypes) {
		List<RepeatedActivity> repeated = new ArrayList<>();
		int timedOut = 0;
		Map<String, Integer> unexpectedTypes = new TreeMap<>();
		for (String orderId : orderIds) {
			Map<Long, HistoryEvent> scheduled = new HashMap<>();
			for (HistoryEvent event : this.server.client().fetchHistory(orderId).getEvents()) {
				switch (event.getEventType()) {
					case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> scheduled.put(event.getEventId(), event);
					case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
						int attempt = event.getActivityTaskStartedEventAttributes().getAttempt();
						if (attempt > 1) {
							HistoryEvent schedule = scheduled.get(event.getActivityTaskStartedEventAttributes().getScheduledEventId());
							repeated.add(new RepeatedActivity(orderId,
									schedule.getActivityTaskScheduledEventAttributes().getActivityType().getName(),
									attempt - 1, instant(schedule.getEventTime())));
						}
					}
					case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> timedOut++;
					case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
						Failure failure = event.getActivityTaskFailedEventAttributes().getFailure();
						String type = failure.getApplicationFailureInfo().getType();
						if (!expectedFailureTypes.contains(type)) {
							unexpectedTypes.merge(type + ": " + failure.getMessage(), 1, Integer::sum);
						}
					}
					default -> {
					}
				}
			}
		}
		return new ActivityTrouble(repeated, timedOut, unexpectedTypes);
	}

	private static Instant instant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	/**
	 * An activity that ran more than once.
	 * @param orderId its order
	 * @param activityType its type
	 * @param extraAttempts attempts after the first
	 * @param scheduledAt when the server scheduled it, so when it was handed to a poll (tasks are matched at once
	 * while pollers wait)
	 */
	record RepeatedActivity(String orderId, String activityType, int extraAttempts, Instant scheduledAt) {
	}

	/**
	 * What the histories say about activities that did not end by themselves.
	 * @param repeated the activities that ran more than once
	 * @param timedOut activities that finally timed out
	 * @param unexpectedTypes final activity failures of other types than expected, with their messages
	 */
	record ActivityTrouble(List<RepeatedActivity> repeated, int timedOut, Map<String, Integer> unexpectedTypes) {

		/** Attempts after the first, over all activities. */
		int repeatedAttempts() {
			return this.repeated.stream().mapToInt(RepeatedActivity::extraAttempts).sum();
		}

	}
}
