package io.github.workerstarter.endpoint;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

import io.github.workerstarter.config.ActivityProperties;

/** The options set for one activity type under {@code temporal.activities}, as the endpoint shows them: set ones only. */
final class ActivityOptionsDescription {

	private ActivityOptionsDescription() {
	}

	static Map<String, Object> of(ActivityProperties options) {
		Map<String, Object> described = new LinkedHashMap<>();
		put(described, "startToCloseTimeout", options.startToCloseTimeout());
		put(described, "scheduleToCloseTimeout", options.scheduleToCloseTimeout());
		put(described, "scheduleToStartTimeout", options.scheduleToStartTimeout());
		put(described, "heartbeatTimeout", options.heartbeatTimeout());
		put(described, "taskQueue", options.taskQueue());
		if (options.cancellationType() != null) {
			described.put("cancellationType", options.cancellationType().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		ActivityProperties.Retry retry = options.retry();
		if (retry != null) {
			Map<String, Object> policy = new LinkedHashMap<>();
			put(policy, "initialInterval", retry.initialInterval());
			put(policy, "backoffCoefficient", retry.backoffCoefficient());
			put(policy, "maximumInterval", retry.maximumInterval());
			put(policy, "maximumAttempts", retry.maximumAttempts());
			put(policy, "doNotRetry", retry.doNotRetry());
			described.put("retry", policy);
		}
		return described;
	}

	private static void put(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, (value instanceof Duration duration) ? print(duration) : value);
		}
	}

	// as written in application.yml: 5s, 2m, 1h; the largest unit that keeps the value whole
	private static String print(Duration duration) {
		for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
			if (!duration.isZero() && duration.toNanos() % unit.getDuration().toNanos() == 0) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		return DurationStyle.SIMPLE.print(duration);
	}

}
