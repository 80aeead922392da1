package io.github.workerstarter.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.WorkerEntry;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * An activity always runs in the namespace of the workflow that schedules it. When a workflow of this application
 * calls an activity type that this application registers only on workers of other namespaces, the call waits in
 * {@code ACTIVITY_TASK_SCHEDULED} for ever while health stays UP. Found from the workflows' bytecode
 * ({@link WorkflowActivityCalls}): a call through an activity interface fails startup; a string constant that names
 * such a type (an untyped stub, or any string) is only logged, since the scan cannot be sure it is a call.
 * Disabled workers count as registered: another deployment of the same configuration runs them.
 */
final class ActivityNamespaces {

	private static final Log logger = LogFactory.getLog(ActivityNamespaces.class);

	private ActivityNamespaces() {
	}

	/**
	 * Fails when a workflow calls, through an activity interface, a type registered only in other namespaces.
	 * @param implementations every registered implementation
	 * @param namespaceName the namespace's name for an alias ({@code main} is {@code temporal.namespace})
	 * @throws WorkerConfigurationException naming each workflow, activity type and the namespaces involved
	 */
	static void check(List<TemporalImplementation> implementations, UnaryOperator<String> namespaceName) {
		Map<String, Map<String, Set<String>>> registered = registeredActivities(implementations);
		if (registered.isEmpty()) {
			return;
		}
		Set<String> dynamic = namespacesWithDynamicActivity(implementations);
		List<String> certain = new ArrayList<>();
		Set<String> elsewhere = new LinkedHashSet<>();
		for (TemporalImplementation workflow : implementations) {
			if (workflow.kind() != ImplementationKind.WORKFLOW) {
				continue;
			}
			WorkflowActivityCalls calls = WorkflowActivityCalls.of(workflow.type());
			for (String namespace : namespaces(workflow).toList()) {
				if (dynamic.contains(namespace)) {
					continue;
				}
				calls.activityTypes().forEach((type, activityInterface) -> {
					Map<String, Set<String>> where = registered.get(type);
					if (where != null && !where.containsKey(namespace)) {
						certain.add(describe(workflow, namespace, type, activityInterface.getSimpleName(), where,
								namespaceName));
						elsewhere.addAll(where.keySet());
					}
				});
				calls.constants().stream()
					.filter((constant) -> !calls.activityTypes().containsKey(constant))
					.filter((constant) -> registered.containsKey(constant)
							&& !registered.get(constant).containsKey(namespace))
					.sorted()
					.forEach((type) -> logger.warn(StringUtils.capitalize(describe(workflow, namespace, type, null,
							registered.get(type), namespaceName))
							+ " If it calls that type (an untyped stub), the call will wait for ever: an activity runs "
							+ "in its workflow's namespace. Register it there too, or call it through a Nexus service."));
			}
		}
		if (!certain.isEmpty()) {
			String handlers = elsewhere.stream().map(namespaceName).map((n) -> "'" + n + "'").collect(Collectors.joining(" or "));
			throw new WorkerConfigurationException(String.join("\n", certain) + "\nAn activity always runs in the "
					+ "namespace of the workflow that schedules it, so " + ((certain.size() == 1) ? "this call" : "these calls")
					+ " would wait in ACTIVITY_TASK_SCHEDULED for ever while health stays UP.",
					"Either register the activity in the workflow's namespace too (a temporal.workers entry for its task "
							+ "queue in that namespace: the bean is registered on every worker of its queue unless its "
							+ "annotation's namespaces limits it), or keep it in " + handlers + " and call it across "
							+ "namespaces through Nexus: a Nexus service whose handler runs in " + handlers
							+ " and starts the work there, reached through an endpoint that targets it (README, "
							+ "\"Several namespaces\").");
		}
	}

	// activity type -> namespace alias -> the worker entries registering it there
	private static Map<String, Map<String, Set<String>>> registeredActivities(List<TemporalImplementation> implementations) {
		Map<String, Map<String, Set<String>>> registered = new LinkedHashMap<>();
		for (TemporalImplementation activity : implementations) {
			if (activity.kind() != ImplementationKind.ACTIVITY || activity.isDynamic()) {
				continue;
			}
			for (String type : activity.typeNames()) {
				for (WorkerEntry entry : activity.workers()) {
					registered.computeIfAbsent(type, (t) -> new LinkedHashMap<>())
						.computeIfAbsent(entry.namespace(), (n) -> new LinkedHashSet<>())
						.add(entry.name());
				}
			}
		}
		return registered;
	}

	private static Set<String> namespacesWithDynamicActivity(List<TemporalImplementation> implementations) {
		return implementations.stream()
			.filter((implementation) -> implementation.kind() == ImplementationKind.ACTIVITY && implementation.isDynamic())
			.flatMap(ActivityNamespaces::namespaces)
			.collect(Collectors.toSet());
	}

	private static Stream<String> namespaces(TemporalImplementation implementation) {
		return implementation.workers().stream().map(WorkerEntry::namespace).distinct();
	}

	private static String describe(TemporalImplementation workflow, String namespace, String type,
			String activityInterface, Map<String, Set<String>> where, UnaryOperator<String> namespaceName) {
		String registeredIn = where.entrySet()
			.stream()
			.map((entry) -> "'" + namespaceName.apply(entry.getKey()) + "'" + alias(entry.getKey(), namespaceName)
					+ " (temporal.workers." + String.join(", temporal.workers.", entry.getValue()) + ")")
			.collect(Collectors.joining(" and "));
		String how = (activityInterface != null) ? "calls activity type '" + type + "' (" + activityInterface + ")"
				: "names '" + type + "' in its code, an activity type";
		return "Workflow " + workflowTypes(workflow) + " of " + workflow.describe() + " runs in namespace '"
				+ namespaceName.apply(namespace) + "'" + alias(namespace, namespaceName) + " and " + how
				+ ((activityInterface != null) ? ", which" : " that") + " this application registers only in namespace "
				+ registeredIn + ".";
	}

	private static String alias(String alias, UnaryOperator<String> namespaceName) {
		if (NamespaceProperties.MAIN.equals(alias)) {
			return " (temporal.namespace)";
		}
		return namespaceName.apply(alias).equals(alias) ? "" : " (alias " + alias + ")";
	}

	private static String workflowTypes(TemporalImplementation workflow) {
		return workflow.isDynamic() ? ClassUtils.getUserClass(workflow.type()).getSimpleName()
				: String.join(", ", workflow.typeNames());
	}

}
