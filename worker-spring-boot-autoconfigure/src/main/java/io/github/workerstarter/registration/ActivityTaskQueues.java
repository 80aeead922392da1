package io.github.workerstarter.registration;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.ActivityProperties;
import io.github.workerstarter.config.WorkerEntry;

/**
 * An activity whose options name no task queue runs on the task queue of the workflow that schedules it. When a
 * workflow calls, through an activity interface, a type that this application registers in the workflow's namespace
 * only on other task queues, and neither its code ({@code ActivityOptions.Builder.setTaskQueue}) nor
 * {@code temporal.activities.<type>.task-queue} or {@code temporal.activity-defaults.task-queue} names a queue, every
 * such call waits in {@code ACTIVITY_TASK_SCHEDULED} for ever while health stays UP. Logged at startup, naming the
 * workflow, the type, both queues and the fixes. A warning, not a failure: options built outside the workflow's classes
 * (a shared helper, a {@code WorkflowImplementationOptionsCustomizer}) may name the queue where the scan does not look.
 */
final class ActivityTaskQueues {

	private static final Log logger = LogFactory.getLog(ActivityTaskQueues.class);

	private ActivityTaskQueues() {
	}

	/**
	 * Warns about each workflow, queue and activity type whose calls no worker of this application would take.
	 * @param implementations every registered implementation
	 * @param configured {@code temporal.activities}, by activity type
	 * @param defaults {@code temporal.activity-defaults}, or null
	 */
	static void warn(List<TemporalImplementation> implementations, Map<String, ActivityProperties> configured,
			@Nullable ActivityProperties defaults) {
		if (defaults != null && defaults.taskQueue() != null) {
			return;
		}
		for (TemporalImplementation workflow : implementations) {
			if (workflow.kind() != ImplementationKind.WORKFLOW) {
				continue;
			}
			WorkflowActivityCalls calls = WorkflowActivityCalls.of(workflow.type());
			if (calls.setsTaskQueue()) {
				continue;
			}
			calls.activityTypes().forEach((type, activityInterface) -> {
				ActivityProperties options = configured.get(type);
				if (options != null && options.taskQueue() != null) {
					return;
				}
				// one warning per workflow and type, naming every queue of the workflow where no worker runs it
				Set<String> stranded = new LinkedHashSet<>();
				Set<String> elsewhere = new LinkedHashSet<>();
				for (WorkerEntry entry : workflow.workers()) {
					Set<String> queues = queuesRegistering(implementations, type, entry.namespace());
					if (!queues.isEmpty() && !queues.contains(entry.taskQueue())
							&& !hasDynamicActivity(implementations, entry)) {
						stranded.add(entry.taskQueue());
						elsewhere.addAll(queues);
					}
				}
				if (!stranded.isEmpty()) {
					logger.warn(message(workflow, stranded, type, activityInterface, elsewhere));
				}
			});
		}
	}

	// the task queues of the workers that register the type in the namespace
	private static Set<String> queuesRegistering(List<TemporalImplementation> implementations, String type,
			String namespace) {
		Set<String> queues = new LinkedHashSet<>();
		for (TemporalImplementation activity : implementations) {
			if (activity.kind() == ImplementationKind.ACTIVITY && activity.typeNames().contains(type)) {
				activity.workers()
					.stream()
					.filter((worker) -> worker.namespace().equals(namespace))
					.forEach((worker) -> queues.add(worker.taskQueue()));
			}
		}
		return queues;
	}

	private static boolean hasDynamicActivity(List<TemporalImplementation> implementations, WorkerEntry entry) {
		return implementations.stream()
			.anyMatch((implementation) -> implementation.kind() == ImplementationKind.ACTIVITY
					&& implementation.isDynamic() && implementation.workers().contains(entry));
	}

	private static String message(TemporalImplementation workflow, Set<String> stranded, String type,
			Class<?> activityInterface, Set<String> queues) {
		String elsewhere = quoted(queues);
		String first = queues.iterator().next();
		String own = quoted(stranded);
		return "Workflow " + String.join(", ", workflow.typeNames()) + " of " + workflow.describe() + " on task queue"
				+ ((stranded.size() == 1) ? " " : "s ") + own + " calls activity type '" + type + "' ("
				+ activityInterface.getSimpleName() + ") with no task queue in its options, so each call is scheduled on "
				+ ((stranded.size() == 1) ? own : "the workflow's own queue") + "; this application registers '" + type
				+ "' only on task queue " + elsewhere + ", and no worker on " + own + " runs it: the call would wait in "
				+ "ACTIVITY_TASK_SCHEDULED for ever. Name the queue in the stub's options "
				+ "(ActivityOptions.newBuilder().setTaskQueue(\"" + first + "\")) or in temporal.activities." + type
				+ ".task-queue=" + first + ", or register the activity on " + own
				+ " too. (Ignore this if options built elsewhere, e.g. by a WorkflowImplementationOptionsCustomizer, "
				+ "name the queue.)";
	}

	private static String quoted(Set<String> names) {
		return names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "));
	}

}
