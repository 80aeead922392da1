package io.github.workerstarter.config;

import java.time.Duration;
import java.util.List;

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
 * @param workflowPollers Maximum concurrent workflow task polls (at least 2). Default: poller autoscaling where the
 * namespace advertises it, else a share of temporal.pollers.budget (5 with one or two queues, 2 with ten and more).
 * SDK default 5.
 * @param activityPollers Maximum concurrent activity task polls. Default: poller autoscaling where the namespace
 * advertises it, else a share of temporal.pollers.budget (5 with one or two queues, 1 with ten and more). SDK
 * default 5.
 * @param maxActivitiesPerSecond Limit on activities this worker starts per second. SDK default: unlimited.
 * @param maxTaskQueueActivitiesPerSecond Limit, enforced by the server, on activities started per second across
 * all workers of the task queue. SDK default: unlimited.
 * @param stickyQueueScheduleToStartTimeout How long the server keeps a workflow's next task on this worker's
 * sticky queue (its cache) before handing it to any worker of the queue. SDK default 5s. 0s turns sticky execution
 * off: every workflow task replays the history, and a stopped instance never holds tasks (useful with the SDK's test
 * server, which does not time sticky tasks out).
 * @param tuner Resource-based slot tuning: slots follow target CPU and memory use instead of fixed counts. Cannot be
 * combined with the max-concurrent-* counts.
 * @param workflowPollerAutoscaling Scale workflow task pollers with demand instead of a fixed workflow-pollers
 * count.
 * @param activityPollerAutoscaling Scale activity task pollers with demand instead of a fixed activity-pollers
 * count.
 * @param eagerActivities Whether activities scheduled by this worker's workflows may be handed to it directly
 * (eager execution). SDK default true.
 * @param virtualThreads Whether the worker's pollers and task executors run on virtual threads (Java 21+): an idle
 * worker then holds no OS thread while its polls wait. Default: true on Java 24 and later unless
 * spring.threads.virtual.enabled=false; on Java 21 to 23 the value of spring.threads.virtual.enabled (a virtual
 * thread blocked inside synchronized pins its carrier there); false before. SDK default false.
 * @param deployment Worker Deployment Versioning: the deployment version (deployment name and build id) this worker
 * reports, and whether it takes part in versioned routing. Unset: the worker reports no version.
 * @param enabled Whether this worker is built and polls. false keeps its entry (and the checks of the beans that
 * name its queue) but runs nothing, e.g. in an API tier of the same jar. Default true; temporal.start-workers=false
 * turns every worker off.
 * @param workflowBeans Names of prototype beans registered as workflow implementations on this worker, in addition
 * to the @WorkflowImpl beans that name its queue (for beans declared where the annotation cannot go). Only under
 * temporal.workers.(name).
 * @param activityBeans Names of beans registered as activity implementations on this worker, in addition to
 * the @ActivityImpl beans that name its queue (for example a third-party class declared in a @Bean method). Only
 * under temporal.workers.(name).
 * @param nexusServiceBeans Names of beans registered as Nexus service implementations on this worker, in addition
 * to the @NexusServiceImpl beans that name its queue. Only under temporal.workers.(name).
 * @param namespace Alias of the namespace this worker runs in, a key of temporal.namespaces. Default: the main
 * namespace (temporal.namespace). Only under temporal.workers.(name); the same task queue may then be configured once
 * per namespace.
 */
public record WorkerProperties(@Nullable String taskQueue, @Nullable Boolean workflows, @Nullable Boolean activities, @Nullable String identity,
		@Nullable Integer maxConcurrentWorkflowTasks, @Nullable Integer maxConcurrentActivities,
		@Nullable Integer maxConcurrentLocalActivities, @Nullable Integer workflowPollers,
		@Nullable Integer activityPollers, @Nullable Double maxActivitiesPerSecond,
		@Nullable Double maxTaskQueueActivitiesPerSecond, @Nullable Duration stickyQueueScheduleToStartTimeout,
		@Nullable ResourceTuner tuner, @Nullable PollerAutoscaling workflowPollerAutoscaling,
		@Nullable PollerAutoscaling activityPollerAutoscaling, @Nullable Boolean eagerActivities,
		@Nullable Boolean virtualThreads, @Nullable Deployment deployment, @Nullable Boolean enabled,
		@Nullable List<String> workflowBeans, @Nullable List<String> activityBeans,
		@Nullable List<String> nexusServiceBeans, @Nullable String namespace) {

	public WorkerProperties {
		workflowBeans = (workflowBeans != null) ? List.copyOf(workflowBeans) : List.of();
		activityBeans = (activityBeans != null) ? List.copyOf(activityBeans) : List.of();
		nexusServiceBeans = (nexusServiceBeans != null) ? List.copyOf(nexusServiceBeans) : List.of();
	}

	/**
	 * Whether this worker is built and polls ({@code enabled}, default true).
	 * @return false only when {@code enabled: false}
	 */
	public boolean isEnabled() {
		return !Boolean.FALSE.equals(this.enabled);
	}

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
	 * These options with another sticky queue schedule-to-start timeout.
	 * @param timeout the timeout; zero turns sticky execution off
	 * @return the changed options
	 */
	public WorkerProperties withStickyQueueScheduleToStartTimeout(Duration timeout) {
		return new WorkerProperties(this.taskQueue, this.workflows, this.activities, this.identity,
				this.maxConcurrentWorkflowTasks, this.maxConcurrentActivities, this.maxConcurrentLocalActivities,
				this.workflowPollers, this.activityPollers, this.maxActivitiesPerSecond,
				this.maxTaskQueueActivitiesPerSecond, timeout, this.tuner, this.workflowPollerAutoscaling,
				this.activityPollerAutoscaling, this.eagerActivities, this.virtualThreads, this.deployment, this.enabled,
				this.workflowBeans, this.activityBeans, this.nexusServiceBeans, this.namespace);
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
				or(this.stickyQueueScheduleToStartTimeout, defaults.stickyQueueScheduleToStartTimeout),
				or(this.tuner, defaults.tuner), or(this.workflowPollerAutoscaling, defaults.workflowPollerAutoscaling),
				or(this.activityPollerAutoscaling, defaults.activityPollerAutoscaling),
				or(this.eagerActivities, defaults.eagerActivities), or(this.virtualThreads, defaults.virtualThreads),
				(this.deployment != null) ? this.deployment.withDefaults(defaults.deployment) : defaults.deployment,
				or(this.enabled, defaults.enabled), this.workflowBeans, this.activityBeans, this.nexusServiceBeans,
				this.namespace);
	}

	/**
	 * Resource-based tuning of task slots.
	 *
	 * @param targetCpuUsage CPU use (0 to 1] the tuner aims at, e.g. 0.8.
	 * @param targetMemoryUsage Memory use (0 to 1] the tuner aims at, e.g. 0.8.
	 */
	public record ResourceTuner(@Nullable Double targetCpuUsage, @Nullable Double targetMemoryUsage) {
	}

	/**
	 * Poller autoscaling; unset values take the SDK's defaults (1, 100, 5).
	 *
	 * @param min Fewest pollers.
	 * @param max Most pollers.
	 * @param initial Pollers at start.
	 */
	public record PollerAutoscaling(@Nullable Integer min, @Nullable Integer max, @Nullable Integer initial) {
	}

	/**
	 * Worker Deployment Versioning of a worker. Merged field by field with the defaults' deployment group.
	 *
	 * @param useVersioning Whether the worker takes part in Worker Deployment Versioning: the server routes each
	 * workflow to the deployment version its versioning behaviour asks for. Needs a deployment name and a build id.
	 * Default false (the worker only reports its version).
	 * @param name Deployment name: the same for every version of one service, e.g. order-service; must not contain
	 * a dot. Default: spring.application.name.
	 * @param buildId Build id of this version of the code, e.g. 1.4.2 or a commit hash. Default: build.version from
	 * Spring Boot's build info (META-INF/build-info.properties), when the application has it.
	 * @param defaultVersioningBehavior Versioning behaviour of workflows whose workflow method declares none (with
	 * the SDK's WorkflowVersioningBehavior annotation): pinned (stay on the version that started them) or auto-upgrade
	 * (move to the current version). Only with use-versioning. Unset: every workflow on the worker must declare one.
	 */
	public record Deployment(@Nullable Boolean useVersioning, @Nullable String name, @Nullable String buildId,
			@Nullable DefaultVersioningBehavior defaultVersioningBehavior) {

		/**
		 * Whether any field is set.
		 * @return true when the group is configured at all
		 */
		public boolean isConfigured() {
			return this.useVersioning != null || this.name != null || this.buildId != null
					|| this.defaultVersioningBehavior != null;
		}

		/**
		 * Whether versioned routing is on.
		 * @return true only for use-versioning: true
		 */
		public boolean usesVersioning() {
			return Boolean.TRUE.equals(this.useVersioning);
		}

		Deployment withDefaults(@Nullable Deployment defaults) {
			if (defaults == null) {
				return this;
			}
			return new Deployment(or(this.useVersioning, defaults.useVersioning), or(this.name, defaults.name),
					or(this.buildId, defaults.buildId), or(this.defaultVersioningBehavior, defaults.defaultVersioningBehavior));
		}

	}

	/** The versioning behaviours a workflow can have by default (the SDK's, without UNSPECIFIED). */
	public enum DefaultVersioningBehavior {

		/** Stays on the deployment version that started it until moved by hand. */
		PINNED,

		/** Moves to the deployment's current version at its next workflow task. */
		AUTO_UPGRADE

	}

	private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}
