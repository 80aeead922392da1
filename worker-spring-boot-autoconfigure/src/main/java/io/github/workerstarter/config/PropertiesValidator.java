package io.github.workerstarter.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Checks {@code temporal.*} values while they are bound, so a bad one fails startup naming the property, the value
 * and the fix, before anything is built from it. Combinations that need beans (queues named by annotations, the
 * shutdown phase) are checked where those are known.
 */
final class PropertiesValidator {

	private PropertiesValidator() {
	}

	static void validate(String namespace, Duration connectTimeout, TemporalProperties.Health health,
			TemporalProperties.Shutdown shutdown, WorkerProperties workerDefaults, Map<String, WorkerProperties> workers) {
		if (namespace.isBlank()) {
			throw new WorkerConfigurationException("Property temporal.namespace is blank.",
					"Set temporal.namespace to the namespace your workers use (for example default), or remove it.");
		}
		positive("temporal.connect-timeout", connectTimeout);
		positive("temporal.health.timeout", health.timeout());
		if (shutdown.drainTimeout() != null) {
			positive("temporal.shutdown.drain-timeout", shutdown.drainTimeout());
		}
		notNegative("temporal.shutdown.sticky-queue-drain-timeout", shutdown.stickyQueueDrainTimeout());
		if (workerDefaults.taskQueue() != null) {
			throw new WorkerConfigurationException("Property temporal.worker-defaults.task-queue is set to '"
					+ workerDefaults.taskQueue() + "', but a task queue belongs to one worker, not to the defaults.",
					"Remove temporal.worker-defaults.task-queue and set task-queue under the worker's own entry, "
							+ "temporal.workers.<name>.task-queue.");
		}
		validateWorker("temporal.worker-defaults", workerDefaults);
		Map<String, String> entryByQueue = new HashMap<>();
		workers.forEach((entry, worker) -> {
			String prefix = "temporal.workers." + entry;
			validateWorker(prefix, worker);
			WorkerProperties effective = worker.withDefaults(workerDefaults);
			if (!effective.runsWorkflows() && !effective.runsActivities()) {
				throw new WorkerConfigurationException("Worker " + prefix
						+ " has both workflows and activities set to false, so it would run nothing.",
						"Remove one of " + prefix + ".workflows=false and " + prefix
								+ ".activities=false, or remove the worker.");
			}
			String queue = TemporalProperties.taskQueueOf(entry, worker);
			String previous = entryByQueue.putIfAbsent(queue, entry);
			if (previous != null) {
				throw new WorkerConfigurationException("Entries temporal.workers." + previous + " and temporal.workers."
						+ entry + " both poll task queue '" + queue + "'.",
						"Give each entry its own task queue, or merge the two entries into one.");
			}
		});
	}

	private static void validateWorker(String prefix, WorkerProperties worker) {
		if (worker.taskQueue() != null && worker.taskQueue().isBlank()) {
			throw new WorkerConfigurationException("Property " + prefix + ".task-queue is blank.",
					"Remove it to poll the queue named by the entry's key, or name a task queue.");
		}
		atLeastOne(prefix, "max-concurrent-workflow-tasks", worker, WorkerProperties::maxConcurrentWorkflowTasks);
		atLeastOne(prefix, "max-concurrent-activities", worker, WorkerProperties::maxConcurrentActivities);
		atLeastOne(prefix, "max-concurrent-local-activities", worker, WorkerProperties::maxConcurrentLocalActivities);
		atLeastOne(prefix, "workflow-pollers", worker, WorkerProperties::workflowPollers);
		atLeastOne(prefix, "activity-pollers", worker, WorkerProperties::activityPollers);
		positiveRate(prefix + ".max-activities-per-second", worker.maxActivitiesPerSecond());
		positiveRate(prefix + ".max-task-queue-activities-per-second", worker.maxTaskQueueActivitiesPerSecond());
		if (worker.stickyQueueScheduleToStartTimeout() != null) {
			notNegative(prefix + ".sticky-queue-schedule-to-start-timeout", worker.stickyQueueScheduleToStartTimeout());
		}
	}

	private static void atLeastOne(String prefix, String name, WorkerProperties worker,
			Function<WorkerProperties, @Nullable Integer> value) {
		Integer count = value.apply(worker);
		if (count != null && count < 1) {
			throw new WorkerConfigurationException(
					"Property " + prefix + "." + name + " is " + count + "; a worker needs at least 1.",
					"Set " + prefix + "." + name + " to 1 or more, or remove it to use the default.");
		}
	}

	private static void positiveRate(String property, @Nullable Double rate) {
		if (rate != null && !(rate > 0)) {
			throw new WorkerConfigurationException("Property " + property + " is " + rate
					+ "; a rate limit must be above 0 (0 would stop the worker from running any activity).",
					"Set " + property + " above 0, or remove it for no limit.");
		}
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new WorkerConfigurationException("Property " + property + " is " + value + "; it must be positive.",
					"Set " + property + " to a positive duration such as 5s, or remove it to use the default.");
		}
	}

	private static void notNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw new WorkerConfigurationException("Property " + property + " is " + value + "; it cannot be negative.",
					"Set " + property + " to 0s or more, or remove it to use the default.");
		}
	}

}
