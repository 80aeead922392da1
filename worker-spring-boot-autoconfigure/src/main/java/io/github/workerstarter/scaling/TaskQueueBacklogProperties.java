package io.github.workerstarter.scaling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * The task queue backlog gauges, bound from {@code temporal.scaling.backlog.*}.
 *
 * @param enabled Whether each instance asks the server, for every task queue it runs a worker for, how many tasks
 * wait in the queue (DescribeTaskQueue with stats) and publishes the answer as temporal_task_queue_* gauges for an
 * autoscaler. Needs temporal.metrics.enabled and a MeterRegistry. Servers that do not answer (the SDK's test server)
 * get no gauges; startup and health never depend on it.
 * @param interval How often each task queue is asked, once per task type its worker polls (workflow, activity),
 * spread over the interval: with 200 queues and the default, about 27 calls a second from each instance.
 * @param timeout Deadline of each call; a call that times out leaves the last answer in place until it is three
 * intervals old, then the gauges disappear.
 */
@ConfigurationProperties("temporal.scaling.backlog")
public record TaskQueueBacklogProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("15s") Duration interval, @DefaultValue("5s") Duration timeout) {

	public TaskQueueBacklogProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new WorkerConfigurationException("Property temporal.scaling.backlog.interval is " + interval
					+ "; it must be positive.", "Set temporal.scaling.backlog.interval to e.g. 15s, or set "
							+ "temporal.scaling.backlog.enabled=false to ask nothing.");
		}
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) > 0) {
			throw new WorkerConfigurationException("Property temporal.scaling.backlog.timeout is " + timeout
					+ "; it must be positive and no longer than temporal.scaling.backlog.interval (" + interval + ").",
					"Set temporal.scaling.backlog.timeout to e.g. 5s, or remove it.");
		}
	}

}
