package io.github.workerstarter.config;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

import io.temporal.activity.ActivityCancellationType;

/**
 * Options for every call of one activity type from the workflows of this application. Every field is optional;
 * set fields override those of the options the workflow code passes to Workflow.newActivityStub(Class, options),
 * while options the code gives per method (newActivityStub(Class, options, Map)) override these.
 *
 * @param startToCloseTimeout Maximum time of one attempt.
 * @param scheduleToCloseTimeout Maximum time of the whole activity, retries included.
 * @param scheduleToStartTimeout Maximum time an attempt may wait in the task queue.
 * @param heartbeatTimeout Maximum time between heartbeats.
 * @param taskQueue Task queue the activity is sent to (default: the workflow's).
 * @param retry Retry policy.
 * @param cancellationType What a workflow does when it cancels the activity: try-cancel (request cancellation and
 * go on at once; the SDK default), wait-cancellation-completed (wait until the activity has seen the cancellation
 * through a heartbeat and ended) or abandon (go on without telling the activity).
 */
public record ActivityProperties(@Nullable Duration startToCloseTimeout, @Nullable Duration scheduleToCloseTimeout,
		@Nullable Duration scheduleToStartTimeout, @Nullable Duration heartbeatTimeout, @Nullable String taskQueue,
		@Nullable @NestedConfigurationProperty Retry retry, @Nullable ActivityCancellationType cancellationType) {

	/**
	 * Retry policy of an activity type.
	 *
	 * @param initialInterval Wait before the first retry.
	 * @param backoffCoefficient Factor by which the wait grows after each retry.
	 * @param maximumInterval Longest wait between retries.
	 * @param maximumAttempts Attempts in all, the first included; 0 means unlimited.
	 * @param doNotRetry Failure types (ApplicationFailure types or exception class names) never retried.
	 */
	public record Retry(@Nullable Duration initialInterval, @Nullable Double backoffCoefficient,
			@Nullable Duration maximumInterval, @Nullable Integer maximumAttempts, @Nullable List<String> doNotRetry) {
	}

}
