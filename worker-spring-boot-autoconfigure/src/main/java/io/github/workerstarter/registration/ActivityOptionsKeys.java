package io.github.workerstarter.registration;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Checks the keys of {@code temporal.activities.<ActivityType>} against the activity types this application knows,
 * because a misspelt key would make the retry policy and timeouts silently not apply. Known types: those of the
 * registered activity implementations, and those the application's workflows call, found in the workflow classes'
 * bytecode ({@link WorkflowActivityCalls}: the {@code @ActivityInterface} classes they pass to
 * {@code Workflow.newActivityStub}, and string constants, which cover untyped stubs). A near miss fails startup with
 * "did you mean"; a key that matches nothing known is only a warning, since activities may run in another
 * application.
 */
final class ActivityOptionsKeys {

	private static final Log logger = LogFactory.getLog(ActivityOptionsKeys.class);

	private ActivityOptionsKeys() {
	}

	static void check(Collection<String> keys, List<TemporalImplementation> implementations) {
		if (keys.isEmpty()) {
			return;
		}
		Set<String> known = new TreeSet<>();
		Set<String> constants = new HashSet<>();
		collect(implementations, known, constants);
		for (String key : keys) {
			if (known.contains(key) || constants.contains(key)) {
				continue;
			}
			String suggestion = DidYouMean.suggestion(key, known);
			if (!suggestion.isEmpty()) {
				throw new WorkerConfigurationException("Property group temporal.activities." + key + " names activity "
						+ "type '" + key + "', which no activity implementation or workflow of this application uses, "
						+ "so its options would silently not apply. Known activity types: " + known + ".",
						"Correct the key (activity type names are case-sensitive)." + suggestion);
			}
			logger.warn("temporal.activities." + key + " names activity type '" + key + "', which no activity "
					+ "implementation or workflow of this application uses; its options apply only if a workflow "
					+ "here calls that type by a name built at run time. Known activity types: " + known + ".");
		}
	}

	// typed: the activity types of implementations and interfaces; constants: strings in workflow code (untyped
	// stubs name their types so), accepted as they are but never suggested
	private static void collect(List<TemporalImplementation> implementations, Set<String> typed, Set<String> constants) {
		for (TemporalImplementation implementation : implementations) {
			if (implementation.kind() == ImplementationKind.ACTIVITY && !implementation.isDynamic()) {
				typed.addAll(implementation.typeNames());
			}
			else if (implementation.kind() == ImplementationKind.WORKFLOW) {
				WorkflowActivityCalls calls = WorkflowActivityCalls.of(implementation.type());
				typed.addAll(calls.activityTypes().keySet());
				constants.addAll(calls.constants());
			}
		}
	}

}
