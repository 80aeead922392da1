package io.github.workerstarter.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.workerstarter.config.WorkerEntry;
import io.github.workerstarter.config.WorkerProperties;
import io.temporal.worker.WorkerOptions;

/**
 * Says which worker options set by properties a Temporal SDK plugin changed. The SDK applies a plugin's
 * {@code configureWorker} when it creates the worker, after the properties and the customizers, so the plugin's
 * value is the one in effect; that is a decision (plugins are code the application chose, as customizers are), but
 * never a silent one.
 */
final class PluginOverrides {

	private static final Log logger = LogFactory.getLog(PluginOverrides.class);

	private static final List<Option> OPTIONS = List.of(
			new Option("max-concurrent-workflow-tasks", WorkerProperties::maxConcurrentWorkflowTasks,
					WorkerOptions::getMaxConcurrentWorkflowTaskExecutionSize),
			new Option("max-concurrent-activities", WorkerProperties::maxConcurrentActivities,
					WorkerOptions::getMaxConcurrentActivityExecutionSize),
			new Option("max-concurrent-local-activities", WorkerProperties::maxConcurrentLocalActivities,
					WorkerOptions::getMaxConcurrentLocalActivityExecutionSize),
			new Option("workflow-pollers", WorkerProperties::workflowPollers,
					WorkerOptions::getMaxConcurrentWorkflowTaskPollers),
			new Option("activity-pollers", WorkerProperties::activityPollers,
					WorkerOptions::getMaxConcurrentActivityTaskPollers),
			new Option("max-activities-per-second", WorkerProperties::maxActivitiesPerSecond,
					WorkerOptions::getMaxWorkerActivitiesPerSecond),
			new Option("max-task-queue-activities-per-second", WorkerProperties::maxTaskQueueActivitiesPerSecond,
					WorkerOptions::getMaxTaskQueueActivitiesPerSecond),
			new Option("identity", WorkerProperties::identity, WorkerOptions::getIdentity),
			new Option("sticky-queue-schedule-to-start-timeout", WorkerProperties::stickyQueueScheduleToStartTimeout,
					WorkerOptions::getStickyQueueScheduleToStartTimeout));

	private PluginOverrides() {
	}

	/**
	 * Logs, at WARN, each option a property set that the worker does not have in effect.
	 * @param entry the worker's entry (its properties, defaults merged)
	 * @param built the options the starter built (properties, then customizers)
	 * @param effective the options of the worker the SDK created (plugins applied)
	 * @param plugins the names of the plugins on the worker
	 * @return the messages logged, for tests
	 */
	static List<String> report(WorkerEntry entry, WorkerOptions built, WorkerOptions effective, List<String> plugins) {
		List<String> messages = new ArrayList<>();
		if (plugins.isEmpty()) {
			return messages;
		}
		for (Option option : OPTIONS) {
			Object property = option.property().apply(entry.properties());
			Object before = option.option().apply(built);
			Object after = option.option().apply(effective);
			if (property != null && !Objects.equals(before, after)) {
				messages.add("A Temporal plugin (" + String.join(", ", plugins) + ") changed " + option.name()
						+ " of the worker for task queue " + entry.describe() + " from " + before + " (" + entry.prefix()
						+ "." + option.name() + " or temporal.worker-defaults." + option.name() + ") to " + after
						+ ". Plugins configure workers after the properties and customizers, so " + after
						+ " is in effect; remove the property, or change the plugin.");
			}
		}
		messages.forEach(logger::warn);
		return messages;
	}

	private record Option(String name, Function<WorkerProperties, Object> property,
			Function<WorkerOptions, Object> option) {
	}

}
