package io.github.workerstarter.registration;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.activity.ActivityOptions;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * An activity stub created without {@code ActivityOptions} ({@code Workflow.newActivityStub(PayoutActivities.class)})
 * takes its options from the workflow's registration only: the default activity options
 * ({@code temporal.activity-defaults}) with the options of its type ({@code temporal.activities.<ActivityType>})
 * merged over them. When neither gives the type a start-to-close or schedule-to-close timeout, the SDK fails every
 * workflow task that calls it ("Both StartToCloseTimeout and ScheduleToCloseTimeout aren't specified") and the
 * workflow is stuck. Checked when the workflow is registered, with the options it is registered with (customizers
 * included), so startup fails instead.
 */
final class ActivityTimeouts {

	private ActivityTimeouts() {
	}

	/**
	 * Fails when a stub without options calls an activity type that the registration options leave without timeout.
	 * @param workflow the workflow implementation
	 * @param taskQueue the queue it is registered on, for the message
	 * @param options the options it is registered with
	 * @throws WorkerConfigurationException naming the workflow, each such activity type and the properties to set
	 */
	static void require(TemporalImplementation workflow, String taskQueue, WorkflowImplementationOptions options) {
		Map<String, Class<?>> withoutOptions = WorkflowActivityCalls.of(workflow.type()).withoutOptions();
		if (withoutOptions.isEmpty()) {
			return;
		}
		Set<String> missing = new TreeSet<>();
		Set<String> interfaces = new TreeSet<>();
		withoutOptions.forEach((type, activityInterface) -> {
			ActivityOptions merged = ActivityOptions.newBuilder(options.getDefaultActivityOptions())
				.mergeActivityOptions(options.getActivityOptions().get(type))
				.build();
			if (merged.getStartToCloseTimeout() == null && merged.getScheduleToCloseTimeout() == null) {
				missing.add(type);
				interfaces.add(activityInterface.getSimpleName());
			}
		});
		if (missing.isEmpty()) {
			return;
		}
		String first = missing.iterator().next();
		Set<String> configured = new TreeSet<>(options.getActivityOptions().keySet());
		String stubs = interfaces.stream()
			.map((name) -> "Workflow.newActivityStub(" + name + ".class)")
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
		throw new WorkerConfigurationException(StringUtils.capitalize(workflow.describe()) + " on task queue '"
				+ taskQueue + "' creates activity stubs without ActivityOptions (" + stubs + "), and no options give "
				+ "activity type" + ((missing.size() == 1) ? " '" + first + "'" : "s " + missing)
				+ " a start-to-close or schedule-to-close timeout (neither temporal.activities.<ActivityType> nor "
				+ "temporal.activity-defaults" + (configured.isEmpty() ? ""
						: "; temporal.activities has options for " + configured + " only")
				+ "). Every workflow task that calls " + ((missing.size() == 1) ? "it" : "one")
				+ " would fail with \"Both StartToCloseTimeout and ScheduleToCloseTimeout aren't specified\" and the "
				+ "workflow would be stuck.",
				"Set temporal.activities." + first + ".start-to-close-timeout (the longest one attempt may take)"
						+ ((missing.size() == 1) ? "" : " and the same for " + missing.stream().skip(1).toList())
						+ ", or temporal.activity-defaults.start-to-close-timeout for every activity type, or pass "
						+ "ActivityOptions with a timeout to Workflow.newActivityStub in "
						+ ClassUtils.getUserClass(workflow.type()).getSimpleName() + ".");
	}

}
