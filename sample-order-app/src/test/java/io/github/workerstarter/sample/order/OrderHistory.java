package io.github.workerstarter.sample.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.protobuf.util.Timestamps;

import io.temporal.api.common.v1.RetryPolicy;
import io.temporal.api.history.v1.HistoryEvent;

/** Reads what happened to an order from its workflow history, as the server recorded it. */
record OrderHistory(List<HistoryEvent> events) {

	/** Activity type and task queue of every activity scheduled, in order. */
	List<Map.Entry<String, String>> scheduledActivities() {
		return this.events.stream()
			.filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
			.map(HistoryEvent::getActivityTaskScheduledEventAttributes)
			.map((scheduled) -> Map.entry(scheduled.getActivityType().getName(), scheduled.getTaskQueue().getName()))
			.toList();
	}

	/** Workflow time from start to close, as the server recorded it. */
	Duration duration() {
		return Duration.ofMillis(Timestamps.toMillis(this.events.get(this.events.size() - 1).getEventTime())
				- Timestamps.toMillis(this.events.get(0).getEventTime()));
	}

	/** The retry policy the first activity of this type was scheduled with. */
	RetryPolicy retryPolicy(String activityType) {
		return this.events.stream()
			.filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
			.map(HistoryEvent::getActivityTaskScheduledEventAttributes)
			.filter((scheduled) -> scheduled.getActivityType().getName().equals(activityType))
			.findFirst()
			.orElseThrow()
			.getRetryPolicy();
	}

	/** The attempt on which the first activity of this type started for the last time (1 = never retried). */
	int attempt(String activityType) {
		long scheduledId = this.events.stream()
			.filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
			.filter((event) -> event.getActivityTaskScheduledEventAttributes()
				.getActivityType()
				.getName()
				.equals(activityType))
			.findFirst()
			.orElseThrow()
			.getEventId();
		return this.events.stream()
			.filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
			.map(HistoryEvent::getActivityTaskStartedEventAttributes)
			.filter((started) -> started.getScheduledEventId() == scheduledId)
			.findFirst()
			.orElseThrow()
			.getAttempt();
	}

}
