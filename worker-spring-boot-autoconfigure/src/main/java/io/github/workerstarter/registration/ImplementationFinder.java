package io.github.workerstarter.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.github.workerstarter.config.ConfigurationFile;
import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerEntry;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Finds the workflow, activity and Nexus service implementations: beans annotated {@code @WorkflowImpl},
 * {@code @ActivityImpl} or {@code @NexusServiceImpl} (on the class, or on the {@code @Bean} method that declares
 * them) and beans named by a worker's {@code workflow-beans}, {@code activity-beans} or {@code nexus-service-beans}.
 * Resolves the task queues they name and checks each against the configured workers; every queue that no worker
 * polls is reported in one failure. Workflow beans are only inspected, never instantiated here.
 */
public final class ImplementationFinder {

	private final ConfigurableListableBeanFactory beanFactory;

	private final PropertyResolver placeholders;

	private final TemporalProperties properties;

	private final List<ImplementationsCheck> checks;

	public ImplementationFinder(ConfigurableListableBeanFactory beanFactory, PropertyResolver placeholders,
			TemporalProperties properties) {
		this(beanFactory, placeholders, properties, List.of());
	}

	/**
	 * A finder that runs more checks on what it finds.
	 * @param beanFactory where the beans are
	 * @param placeholders resolves placeholders in the annotations' queue names
	 * @param properties the starter's properties
	 * @param checks run on the implementations found, in order, before {@link #findAll()} returns them
	 */
	public ImplementationFinder(ConfigurableListableBeanFactory beanFactory, PropertyResolver placeholders,
			TemporalProperties properties, List<ImplementationsCheck> checks) {
		this.beanFactory = beanFactory;
		this.placeholders = placeholders;
		this.properties = properties;
		this.checks = List.copyOf(checks);
	}

	/**
	 * Every implementation, workflows first, then activities, then Nexus services.
	 * @return the implementations, resolved and checked
	 * @throws WorkerConfigurationException naming the bean and the fix when one is not valid, or naming every
	 * unconfigured task queue at once
	 */
	public List<TemporalImplementation> findAll() {
		return findAll(List.of());
	}

	/**
	 * Every implementation, with those that Temporal SDK plugins register themselves last: they are checked as the
	 * beans are (worker switches, valid types, activity option keys, the further checks) and listed with them.
	 * @param fromPlugins what plugins register, and in which namespaces
	 * @return the implementations, resolved and checked
	 * @throws WorkerConfigurationException naming the bean or plugin and the fix when one is not valid, or naming
	 * every unconfigured task queue at once
	 */
	public List<TemporalImplementation> findAll(List<PluginImplementation> fromPlugins) {
		ApplicationPackagesScan.Found scanned = ApplicationPackagesScan.scan(this.beanFactory);
		NonConcreteAnnotatedTypes.reject(scanned);
		List<WorkerEntry> entries = this.properties.workerEntries();
		UnconfiguredQueues unconfigured = new UnconfiguredQueues(entries, ConfigurationFile.of(this.placeholders));
		List<TemporalImplementation> found = new ArrayList<>();
		// beans a test replaced (@MockitoBean) count as declared; a @Primary bean of the same interfaces replaces one
		AnnotatedBeans annotatedBeans = new AnnotatedBeans(this.beanFactory);
		for (ImplementationKind kind : ImplementationKind.values()) {
			for (Candidate candidate : candidates(kind, entries, annotatedBeans, scanned.workflowClasses())) {
				TemporalImplementation implementation = resolve(candidate, entries, unconfigured);
				if (implementation != null) {
					found.add(implementation);
				}
			}
		}
		unconfigured.failIfAny();
		List<TemporalImplementation> all = new ArrayList<>(annotatedBeans.preferPrimary(found));
		for (PluginImplementation implementation : fromPlugins) {
			TemporalImplementation resolved = resolve(implementation, entries);
			if (resolved != null) {
				all.add(resolved);
			}
		}
		List<TemporalImplementation> registered = List.copyOf(all);
		ActivityOptionsKeys.check(this.properties.activities().keySet(), registered);
		ActivityNamespaces.check(registered, this::namespaceName);
		ActivityTaskQueues.warn(registered, this.properties.activities(), this.properties.activityDefaults());
		UnregisteredWorkflowClasses.warn(scanned.workflowClasses(), registered, this.beanFactory);
		this.checks.forEach((check) -> check.check(registered));
		return registered;
	}

	// the SDK puts it on every worker of the namespaces the plugin reaches: each of those must take its kind
	private @Nullable TemporalImplementation resolve(PluginImplementation implementation, List<WorkerEntry> entries) {
		List<WorkerEntry> workers = entries.stream()
			.filter((entry) -> implementation.namespaces().contains(entry.namespace()))
			.toList();
		if (workers.isEmpty()) {
			return null;
		}
		ImplementationKind kind = implementation.kind();
		String described = StringUtils.capitalize(implementation.describe());
		for (WorkerEntry entry : workers) {
			if (!kind.isEnabledOn(entry.properties())) {
				throw new WorkerConfigurationException(described + " goes on every worker of its namespace, task queue "
						+ entry.describe() + " among them, but that worker does not run " + kind.workerSwitch() + " (its "
						+ kind.workerSwitch() + " property is false).",
						"Remove " + kind.workerSwitch() + ": false from " + entry.prefix() + ", limit the plugin to "
								+ "other namespaces with @PluginNamespaces, or have the plugin register it in its own "
								+ "initializeWorker only for the task queues that should run it.");
			}
		}
		String name = (implementation.pluginBean() != null) ? implementation.pluginBean() : implementation.plugin();
		return new TemporalImplementation(name, kind, implementation.type(), workers,
				readTypeNames(kind, described, "is registered by its plugin", implementation.type()),
				implementation.plugin());
	}

	// the name a namespace alias stands for, for messages
	private String namespaceName(String alias) {
		NamespaceProperties further = this.properties.namespaces().get(alias);
		return (further != null) ? further.namespaceOr(alias) : this.properties.namespace();
	}

	/**
	 * A bean of one kind, with the queues and namespaces its annotation declares (null when it is not annotated) and
	 * the worker entries whose configuration names it.
	 */
	private record Candidate(ImplementationKind kind, String beanName, String @Nullable [] declared,
			String[] namespaces, Map<String, WorkerEntry> namedByWorkers) {
	}

	private List<Candidate> candidates(ImplementationKind kind, List<WorkerEntry> entries,
			AnnotatedBeans annotatedBeans, List<String> workflowClasses) {
		Map<String, Candidate> byBean = new LinkedHashMap<>();
		annotatedBeans.find(kind)
			.forEach((beanName, annotation) -> byBean.put(beanName, new Candidate(kind, beanName,
					kind.declaredTaskQueues(annotation), kind.declaredNamespaces(annotation), new LinkedHashMap<>())));
		for (WorkerEntry entry : entries) {
			for (String beanName : kind.beansNamedBy(entry.properties())) {
				String name = beanName.trim();
				requireBean(kind, entry, name, workflowClasses);
				byBean.computeIfAbsent(name, (n) -> new Candidate(kind, n, null, new String[0], new LinkedHashMap<>()))
					.namedByWorkers()
					.put(entry.name(), entry);
			}
		}
		return List.copyOf(byBean.values());
	}

	private void requireBean(ImplementationKind kind, WorkerEntry entry, String beanName, List<String> workflowClasses) {
		String property = entry.prefix() + "." + kind.beansProperty();
		if (!this.beanFactory.containsBean(beanName)) {
			ConfiguredBeanNames.failForMissingBean(this.beanFactory, kind, entry, property, beanName, workflowClasses);
		}
		for (ImplementationKind other : ImplementationKind.values()) {
			if (other != kind && this.beanFactory.findAnnotationOnBean(beanName, other.annotationType()) != null) {
				throw new WorkerConfigurationException("Property " + property + " names bean '" + beanName
						+ "', which is annotated " + other.annotationName() + ".",
						"List it under temporal.workers.<name>." + other.beansProperty() + " instead, or remove it from "
								+ property + ".");
			}
		}
	}

	private @Nullable TemporalImplementation resolve(Candidate candidate, List<WorkerEntry> entries,
			UnconfiguredQueues unconfigured) {
		ImplementationKind kind = candidate.kind();
		String beanName = candidate.beanName();
		Class<?> type = this.beanFactory.getType(beanName);
		if (type == null) {
			throw new WorkerConfigurationException("The type of bean '" + beanName + "' (" + kind.typeLabel()
					+ " implementation) cannot be determined before it is created.",
					"Declare the @Bean method's return type as the implementation class.");
		}
		String bean = StringUtils.capitalize(TemporalImplementation.describe(beanName, type));
		if (kind == ImplementationKind.WORKFLOW && !this.beanFactory.isPrototype(beanName)) {
			throw new WorkerConfigurationException(bean + " is a workflow implementation but a singleton bean. "
					+ "Temporal needs a new workflow instance for every execution.",
					"Let component scanning pick up the class (@WorkflowImpl makes it prototype-scoped), or declare "
							+ "the bean with @Scope(\"prototype\") (on a @Bean method, @WorkflowImpl does that too).");
		}
		List<String> namespaces = namespaces(kind, bean, candidate.namespaces());
		List<WorkerEntry> inNamespaces = entries.stream()
			.filter((entry) -> namespaces.isEmpty() || namespaces.contains(entry.namespace()))
			.toList();
		Map<String, WorkerEntry> workers = new LinkedHashMap<>(candidate.namedByWorkers());
		String[] declared = candidate.declared();
		if (declared != null && declared.length > 0) {
			for (String raw : declared) {
				for (String queue : queueNames(resolvePlaceholders(kind, bean, raw))) {
					List<WorkerEntry> polling = polling(inNamespaces, queue);
					if (polling.isEmpty()) {
						unconfigured.add(queue, raw, bean, kind.annotationName(), namespaces);
					}
					polling.forEach((entry) -> workers.put(entry.name(), entry));
				}
			}
		}
		else if (workers.isEmpty()) {
			polling(inNamespaces, defaultQueue(kind, bean, inNamespaces))
				.forEach((entry) -> workers.put(entry.name(), entry));
		}
		unconfigured.used(workers.values());
		String source = (declared != null) ? "is annotated " + kind.annotationName()
				: "is named in temporal.workers.<name>." + kind.beansProperty();
		workers.values().forEach((entry) -> checkEnabled(kind, bean, source, entry));
		if (workers.isEmpty()) {
			return null;
		}
		return new TemporalImplementation(beanName, kind, type, List.copyOf(workers.values()),
				readTypeNames(kind, bean, source, type));
	}

	private static List<WorkerEntry> polling(List<WorkerEntry> entries, String queue) {
		return entries.stream().filter((entry) -> entry.taskQueue().equals(queue)).toList();
	}

	// the namespaces an annotation names, checked against the configured aliases
	private List<String> namespaces(ImplementationKind kind, String bean, String[] declared) {
		List<String> aliases = new ArrayList<>();
		aliases.add(NamespaceProperties.MAIN);
		aliases.addAll(this.properties.namespaces().keySet());
		List<String> namespaces = new ArrayList<>();
		for (String raw : declared) {
			String alias = resolvePlaceholders(kind, bean, raw);
			if (!aliases.contains(alias)) {
				throw new WorkerConfigurationException(bean + " is annotated " + kind.annotationName() + "(namespaces = \""
						+ raw + "\"), but no namespace has the alias '" + alias + "'. Aliases: " + aliases + ".",
						"Name one of " + aliases + " ('main' is temporal.namespace; the others are keys of "
								+ "temporal.namespaces), or add temporal.namespaces." + alias + "."
								+ DidYouMean.suggestion(alias, aliases));
			}
			namespaces.add(alias);
		}
		return namespaces;
	}

	private static void checkEnabled(ImplementationKind kind, String bean, String source, WorkerEntry entry) {
		if (!kind.isEnabledOn(entry.properties())) {
			throw new WorkerConfigurationException(
					bean + " " + source + " for task queue " + entry.describe()
							+ ", but that worker does not run " + kind.workerSwitch() + " (its "
							+ kind.workerSwitch() + " property is false).",
					"Move the bean to another task queue, or remove " + kind.workerSwitch()
							+ ": false from " + entry.prefix() + ".");
		}
	}

	private String defaultQueue(ImplementationKind kind, String bean, List<WorkerEntry> entries) {
		// temporal.default-task-queue is checked against the configured queues when it is bound
		String explicit = this.properties.defaultTaskQueue();
		if (explicit != null) {
			return explicit;
		}
		Set<String> configured = new LinkedHashSet<>();
		entries.forEach((entry) -> configured.add(entry.taskQueue()));
		if (configured.size() == 1) {
			return configured.iterator().next();
		}
		String problem = configured.isEmpty() ? "no task queue is configured"
				: configured.size() + " task queues are configured " + configured + " and none is the default";
		throw new WorkerConfigurationException(
				bean + " is annotated " + kind.annotationName() + " without taskQueues, but " + problem + ".",
				"Configure a worker under temporal.workers.<task-queue>, then name it in " + kind.annotationName()
						+ "(taskQueues = \"...\") or set temporal.default-task-queue.");
	}

	// one placeholder may stand for several queues (${app.queues} with app.queues=a,b), as a list property would
	private static List<String> queueNames(String resolved) {
		List<String> names = Arrays.stream(StringUtils.commaDelimitedListToStringArray(resolved))
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.toList();
		// nothing left (a blank value) stays one name, so the unknown-queue check reports it
		return names.isEmpty() ? List.of(resolved) : names;
	}

	private String resolvePlaceholders(ImplementationKind kind, String bean, String raw) {
		try {
			return this.placeholders.resolveRequiredPlaceholders(raw).trim();
		}
		catch (IllegalArgumentException ex) {
			throw new WorkerConfigurationException(
					bean + " is annotated " + kind.annotationName() + "(taskQueues = \"" + raw
							+ "\"), and the placeholder cannot be resolved: " + ex.getMessage(),
					"Define the property, or give the placeholder a default, e.g. ${ORDER_TASK_QUEUE:order-task-queue}.",
					ex);
		}
	}

	private List<String> readTypeNames(ImplementationKind kind, String bean, String source, Class<?> type) {
		try {
			List<String> names = kind.readTypeNames(type);
			if (names.isEmpty()) {
				throw new IllegalArgumentException("no interface with a method to register");
			}
			return names;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new WorkerConfigurationException(
					bean + " " + source + " but is not a valid implementation: " + ex.getMessage(),
					kind.validImplementationFix(ClassUtils.getUserClass(type).getSimpleName()), ex);
		}
	}

}
