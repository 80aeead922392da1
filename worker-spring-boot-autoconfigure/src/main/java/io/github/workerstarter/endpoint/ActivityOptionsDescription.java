package io.github.workerstarter.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
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
			map.put(key, (value instanceof Duration duration) ? DurationStyle.SIMPLE.print(duration) : value);
		}
	}

}
