package io.github.workerstarter.config;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Options of one worker. Every field is optional: an unset field falls back to {@code temporal.worker-defaults},
 * then to the Temporal SDK's own default.
 *
 * @param taskQueue Task queue this worker polls, set only under temporal.workers.(name) (an error under
 * worker-defaults); defaults to the entry's name. Set it to move a queue without renaming the entry, e.g.
 * ${ORDER_TASK_QUEUE:order-task-queue}.
 * @param workflows Whether this worker runs workflows; false makes it an activity-only worker. Default true.
 * @param activities Whether this worker runs activities; false makes it a workflow-only worker. Default true.
 * @param identity Identity the worker reports to the server. SDK default: the client's identity (pid@host).
 * @param maxConcurrentWorkflowTasks Maximum workflow tasks executed at once. SDK default 200.
 * @param maxConcurrentActivities Maximum activities executed at once. SDK default 200.
 * @param maxConcurrentLocalActivities Maximum local activities executed at once. SDK default 200.
 * @param workflowPollers Maximum concurrent workflow task polls. SDK default 5.
 * @param activityPollers Maximum concurrent activity task polls. SDK default 5.
 * @param maxActivitiesPerSecond Limit on activities this worker starts per second. SDK default: unlimited.
 * @param maxTaskQueueActivitiesPerSecond Limit, enforced by the server, on activities started per second across
 * all workers of the task queue. SDK default: unlimited.
 * @param stickyQueueScheduleToStartTimeout How long the server keeps a workflow's next task on this worker's
 * sticky queue (its cache) before handing it to any worker of the queue. SDK default 5s. 0s turns sticky execution
 * off: every workflow task replays the history, and a stopped instance never holds tasks (useful with the SDK's test
 * server, which does not time sticky tasks out).
 */
public record WorkerProperties(@Nullable String taskQueue, @Nullable Boolean workflows, @Nullable Boolean activities, @Nullable String identity,
		@Nullable Integer maxConcurrentWorkflowTasks, @Nullable Integer maxConcurrentActivities,
		@Nullable Integer maxConcurrentLocalActivities, @Nullable Integer workflowPollers,
		@Nullable Integer activityPollers, @Nullable Double maxActivitiesPerSecond,
		@Nullable Double maxTaskQueueActivitiesPerSecond, @Nullable Duration stickyQueueScheduleToStartTimeout) {

	/**
	 * Whether workflows may be registered on this worker.
	 * @return false only when {@code workflows: false}
	 */
	public boolean runsWorkflows() {
		return !Boolean.FALSE.equals(this.workflows);
	}

	/**
	 * Whether activities may be registered on this worker.
	 * @return false only when {@code activities: false}
	 */
	public boolean runsActivities() {
		return !Boolean.FALSE.equals(this.activities);
	}

	/**
	 * These options with each unset field taken from {@code defaults}.
	 * @param defaults the fallback options
	 * @return the merged options
	 */
	public WorkerProperties withDefaults(WorkerProperties defaults) {
		return new WorkerProperties(this.taskQueue, or(this.workflows, defaults.workflows), or(this.activities, defaults.activities),
				or(this.identity, defaults.identity),
				or(this.maxConcurrentWorkflowTasks, defaults.maxConcurrentWorkflowTasks),
				or(this.maxConcurrentActivities, defaults.maxConcurrentActivities),
				or(this.maxConcurrentLocalActivities, defaults.maxConcurrentLocalActivities),
				or(this.workflowPollers, defaults.workflowPollers), or(this.activityPollers, defaults.activityPollers),
				or(this.maxActivitiesPerSecond, defaults.maxActivitiesPerSecond),
				or(this.maxTaskQueueActivitiesPerSecond, defaults.maxTaskQueueActivitiesPerSecond),
				or(this.stickyQueueScheduleToStartTimeout, defaults.stickyQueueScheduleToStartTimeout));
	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}
