package io.github.workerstarter.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Checks {@code temporal.*} values while they are bound, so a bad one fails startup naming the property, the value
 * and the fix, before anything is built from it. Combinations that need beans (queues named by annotations, the
 * shutdown phase) are checked where those are known.
 */
final class PropertiesValidator {

	private PropertiesValidator() {
	}

	static void validatePollers(TemporalProperties.Pollers pollers) {
		if (pollers.budget() < 0) {
			throw new WorkerConfigurationException("Property temporal.pollers.budget is " + pollers.budget()
					+ "; it cannot be negative.",
					"Set temporal.pollers.budget to 0 (every worker gets the SDK's 5 workflow and 5 activity pollers) or "
							+ "more, or remove it to use the default (10).");
		}
	}

	static void validate(String namespace, Duration connectTimeout, TemporalProperties.WorkflowCache workflowCache,
			TemporalProperties.Health health,
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
		notNegative("temporal.shutdown.poll-return-timeout", shutdown.pollReturnTimeout());
		if (workerDefaults.taskQueue() != null) {
			throw new WorkerConfigurationException("Property temporal.worker-defaults.task-queue is set to '"
					+ workerDefaults.taskQueue() + "', but a task queue belongs to one worker, not to the defaults.",
					"Remove temporal.worker-defaults.task-queue and set task-queue under the worker's own entry, "
							+ "temporal.workers.<name>.task-queue.");
		}
		if (workerDefaults.namespace() != null) {
			throw new WorkerConfigurationException("Property temporal.worker-defaults.namespace is set to '"
					+ workerDefaults.namespace() + "', but a namespace belongs to one worker, not to the defaults.",
					"Set namespace under each worker's own entry, temporal.workers.<name>.namespace.");
		}
		for (String list : List.of("workflow-beans", "activity-beans", "nexus-service-beans")) {
			if (!beans(workerDefaults, list).isEmpty()) {
				throw new WorkerConfigurationException("Property temporal.worker-defaults." + list + " is set to "
						+ beans(workerDefaults, list) + ", but beans are registered on one worker, not on every one.",
						"Move the list to the worker's own entry, temporal.workers.<name>." + list + ".");
			}
		}
		if (workflowCache.maxInstances() != null && workflowCache.maxInstances() < 0) {
			throw new WorkerConfigurationException("Property temporal.workflow-cache.max-instances is "
					+ workflowCache.maxInstances() + "; it cannot be negative.",
					"Set temporal.workflow-cache.max-instances to 0 or more, or remove it to use the default.");
		}
		if (workflowCache.maxThreads() != null && workflowCache.maxThreads() < 1) {
			throw new WorkerConfigurationException("Property temporal.workflow-cache.max-threads is "
					+ workflowCache.maxThreads() + "; workflows need at least 1 thread.",
					"Set temporal.workflow-cache.max-threads to 1 or more, or remove it to use the default.");
		}
		if (Boolean.TRUE.equals(workflowCache.virtualThreads()) && Runtime.version().feature() < 21) {
			throw new WorkerConfigurationException("Property temporal.workflow-cache.virtual-threads is true, but this "
					+ "JVM is Java " + Runtime.version().feature() + " and virtual threads need Java 21 or later.",
					"Run on Java 21+, or remove temporal.workflow-cache.virtual-threads.");
		}
		validateWorker("temporal.worker-defaults", workerDefaults);
		Map<String, String> entryByQueue = new HashMap<>();
		validateCombinations("temporal.worker-defaults", workerDefaults);
		workers.forEach((entry, worker) -> {
			String prefix = "temporal.workers." + entry;
			validateWorker(prefix, worker);
			WorkerProperties effective = worker.withDefaults(workerDefaults);
			validateCombinations(prefix, effective);
			if (!effective.runsWorkflows() && !effective.runsActivities()) {
				throw new WorkerConfigurationException("Worker " + prefix
						+ " has both workflows and activities set to false, so it would run neither.",
						"Remove one of " + prefix + ".workflows=false and " + prefix
								+ ".activities=false, or remove the worker. (A worker for Nexus services only needs "
								+ "neither switch: nothing else runs on it unless a bean names its task queue.)");
			}
			String queue = TemporalProperties.taskQueueOf(entry, worker);
			String alias = TemporalProperties.namespaceOf(worker);
			// one worker per task queue and namespace: the same queue may be served in two namespaces
			String previous = entryByQueue.putIfAbsent(alias + "\u0000" + queue, entry);
			if (previous != null) {
				throw new WorkerConfigurationException("Entries temporal.workers." + previous + " and temporal.workers."
						+ entry + " both poll task queue '" + queue + "'"
						+ (NamespaceProperties.MAIN.equals(alias) ? "" : " in namespace " + alias) + ".",
						"Give each entry its own task queue (or namespace), or merge the two entries into one.");
			}
		});
	}

	static void validateNamespaces(@Nullable String target, Map<String, NamespaceProperties> namespaces,
			Map<String, WorkerProperties> workers) {
		boolean embedded = TemporalProperties.EMBEDDED_TARGET.equalsIgnoreCase(target);
		namespaces.forEach((alias, namespace) -> {
			String prefix = "temporal.namespaces." + alias;
			if (NamespaceProperties.MAIN.equals(alias)) {
				throw new WorkerConfigurationException("Property group " + prefix + " uses the alias 'main', which "
						+ "stands for the main namespace (temporal.namespace).",
						"Choose another alias; configure the main namespace with temporal.namespace and temporal.connection.");
			}
			if (!alias.matches("[A-Za-z0-9_-]+")) {
				throw new WorkerConfigurationException("Property group " + prefix + " has the alias '" + alias
						+ "'; an alias names beans and health components, so it may hold only letters, digits, '-' and '_'.",
						"Rename it, e.g. " + alias.replaceAll("[^A-Za-z0-9_-]", "-") + ", and set its namespace: key to the "
								+ "namespace's name.");
			}
			if (namespace.namespace() != null && namespace.namespace().isBlank()) {
				throw new WorkerConfigurationException("Property " + prefix + ".namespace is blank.",
						"Set it to the namespace's name, or remove it to use the alias '" + alias + "'.");
			}
			if (namespace.hasOwnConnection() && (embedded
					|| TemporalProperties.EMBEDDED_TARGET.equalsIgnoreCase(namespace.target()))) {
				throw new WorkerConfigurationException("Namespace " + alias + " (" + prefix + ") has a connection of its "
						+ "own, but " + (embedded ? "temporal.target is 'embedded'" : prefix + ".target is 'embedded'")
						+ ": the in-process server is reached only through the main connection.",
						"Remove " + prefix + ".target, .connection and .env-config so the namespace shares the in-process "
								+ "server (it accepts any namespace), or point temporal.target at a Temporal server.");
			}
			String effectiveTarget = (namespace.target() != null) ? namespace.target() : target;
			if (namespace.connection() != null) {
				ConnectionPropertiesValidator.validateConnection(prefix + ".connection", effectiveTarget, namespace.connection());
			}
			if (namespace.envConfig() != null) {
				ConnectionPropertiesValidator.validateEnvConfig(prefix + ".env-config", effectiveTarget, namespace.envConfig());
			}
		});
		workers.forEach((entry, worker) -> {
			String alias = TemporalProperties.namespaceOf(worker);
			if (!NamespaceProperties.MAIN.equals(alias) && !namespaces.containsKey(alias)) {
				throw new WorkerConfigurationException("Property temporal.workers." + entry + ".namespace is '" + alias
						+ "', but no namespace has that alias. Aliases: " + aliases(namespaces) + ".",
						"Add temporal.namespaces." + alias + ".namespace=<name of the namespace>, or name one of "
								+ aliases(namespaces) + "." + DidYouMean.suggestion(alias, aliases(namespaces)));
			}
		});
	}

	static List<String> aliases(Map<String, NamespaceProperties> namespaces) {
		List<String> aliases = new java.util.ArrayList<>();
		aliases.add(NamespaceProperties.MAIN);
		aliases.addAll(namespaces.keySet());
		return aliases;
	}

	static void validateDefaultTaskQueue(@Nullable String defaultTaskQueue, List<WorkerEntry> entries) {
		java.util.Set<String> configured = new java.util.LinkedHashSet<>();
		entries.forEach((entry) -> configured.add(entry.taskQueue()));
		if (defaultTaskQueue == null) {
			return;
		}
		if (defaultTaskQueue.isBlank()) {
			throw new WorkerConfigurationException("Property temporal.default-task-queue is blank.",
					"Set it to one of the configured task queues " + configured + ", or remove it.");
		}
		if (!configured.contains(defaultTaskQueue)) {
			throw new WorkerConfigurationException("Property temporal.default-task-queue is '" + defaultTaskQueue
					+ "', but no worker is configured for it. Configured task queues: " + configured + ".",
					"Add temporal.workers." + defaultTaskQueue + " or set temporal.default-task-queue to one of "
							+ configured + "." + DidYouMean.suggestion(defaultTaskQueue, configured));
		}
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
		if (worker.deployment() != null) {
			validateDeployment(prefix + ".deployment", worker.deployment());
		}
	}

	private static void validateDeployment(String prefix, WorkerProperties.Deployment deployment) {
		notBlank(prefix + ".name", deployment.name(), "a deployment name such as order-service");
		notBlank(prefix + ".build-id", deployment.buildId(), "the build id of this version, such as 1.4.2");
		if (deployment.name() != null && deployment.name().contains(".")) {
			// Temporal writes a version as <deployment name>.<build id>, split at the first dot
			throw new WorkerConfigurationException("Property " + prefix + ".name is '" + deployment.name()
					+ "'; a deployment name cannot contain a dot (Temporal writes a version as <name>.<build-id>).",
					"Use another separator, e.g. " + deployment.name().replace('.', '-') + ".");
		}
	}

	private static List<String> beans(WorkerProperties worker, String list) {
		return switch (list) {
			case "workflow-beans" -> worker.workflowBeans();
			case "activity-beans" -> worker.activityBeans();
			default -> worker.nexusServiceBeans();
		};
	}

	private static void notBlank(String property, @Nullable String value, String example) {
		if (value != null && value.isBlank()) {
			throw new WorkerConfigurationException("Property " + property + " is blank.",
					"Set " + property + " to " + example + ", or remove it to use the default.");
		}
	}

	// options that exclude each other, checked on the merged options of a worker
	private static void validateCombinations(String prefix, WorkerProperties worker) {
		if (worker.tuner() != null) {
			ratio(prefix + ".tuner.target-cpu-usage", worker.tuner().targetCpuUsage());
			ratio(prefix + ".tuner.target-memory-usage", worker.tuner().targetMemoryUsage());
			if (worker.maxConcurrentWorkflowTasks() != null || worker.maxConcurrentActivities() != null
					|| worker.maxConcurrentLocalActivities() != null) {
				throw new WorkerConfigurationException("Worker " + prefix + " has a resource-based tuner and fixed "
						+ "max-concurrent-* slot counts; the tuner decides the slots, so the two cannot be combined.",
						"Remove the max-concurrent-* properties of " + prefix + " (or of temporal.worker-defaults), or "
								+ "remove " + prefix + ".tuner.");
			}
		}
		autoscaling(prefix, "workflow", worker.workflowPollerAutoscaling(), worker.workflowPollers());
		autoscaling(prefix, "activity", worker.activityPollerAutoscaling(), worker.activityPollers());
		WorkerProperties.Deployment deployment = worker.deployment();
		if (deployment != null && deployment.defaultVersioningBehavior() != null && !deployment.usesVersioning()) {
			String behavior = deployment.defaultVersioningBehavior().name().toLowerCase().replace('_', '-');
			throw new WorkerConfigurationException("Property " + prefix + ".deployment.default-versioning-behavior is "
					+ behavior + ", but " + prefix + ".deployment.use-versioning is not true: a versioning behaviour "
					+ "only applies to a worker that uses versioning.",
					"Set " + prefix + ".deployment.use-versioning=true (with a deployment name and build id), or remove "
							+ "default-versioning-behavior.");
		}
		if (Boolean.TRUE.equals(worker.virtualThreads()) && Runtime.version().feature() < 21) {
			throw new WorkerConfigurationException("Property " + prefix + ".virtual-threads is true, but this JVM is "
					+ "Java " + Runtime.version().feature() + " and virtual threads need Java 21 or later.",
					"Run on Java 21+, or remove " + prefix + ".virtual-threads.");
		}
	}

	private static void ratio(String property, @Nullable Double value) {
		if (value == null || !(value > 0) || value > 1) {
			throw new WorkerConfigurationException("Property " + property + " is " + value
					+ "; a target usage is a share between 0 (excluded) and 1.",
					"Set " + property + " to a value such as 0.8.");
		}
	}

	private static void autoscaling(String prefix, String kind, WorkerProperties.@Nullable PollerAutoscaling scaling,
			@Nullable Integer fixedPollers) {
		if (scaling == null) {
			return;
		}
		String group = prefix + "." + kind + "-poller-autoscaling";
		if (fixedPollers != null) {
			throw new WorkerConfigurationException("Worker " + prefix + " sets both " + kind + "-pollers ("
					+ fixedPollers + ") and " + kind + "-poller-autoscaling; a poller count is either fixed or scaled.",
					"Remove " + kind + "-pollers or " + group + ".");
		}
		int min = (scaling.min() != null) ? scaling.min() : 1;
		int max = (scaling.max() != null) ? scaling.max() : 100;
		int initial = (scaling.initial() != null) ? scaling.initial() : Math.min(Math.max(5, min), max);
		if (min < 1 || min > max || initial < min || initial > max) {
			throw new WorkerConfigurationException("Property group " + group + " has min=" + min + ", max=" + max
					+ ", initial=" + initial + "; it needs 1 <= min <= initial <= max.",
					"Set " + group + ".min, .initial and .max so that 1 <= min <= initial <= max.");
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

	static void positive(String property, Duration value) {
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

	static void validatePayloadsAndClient(TemporalProperties.Payloads payloads, TemporalProperties.Client client) {
		if (payloads.maxSize().toBytes() < 1) {
			throw new WorkerConfigurationException("Property temporal.payloads.max-size is " + payloads.maxSize()
					+ "; it must be positive.",
					"Set temporal.payloads.max-size to the server's limit.blobSize.error (2MB unless raised), or remove "
							+ "it to use that default.");
		}
		if (payloads.warnSize().toBytes() < 1 || payloads.warnSize().compareTo(payloads.maxSize()) > 0) {
			throw new WorkerConfigurationException("Property temporal.payloads.warn-size is " + payloads.warnSize()
					+ "; it must be positive and at most temporal.payloads.max-size (" + payloads.maxSize() + ").",
					"Set temporal.payloads.warn-size between 1B and " + payloads.maxSize()
							+ ", or remove it to use the server's limit.blobSize.warn (512KB).");
		}
		if (client.callTimeout() != null) {
			positive("temporal.client.call-timeout", client.callTimeout());
		}
	}

}
