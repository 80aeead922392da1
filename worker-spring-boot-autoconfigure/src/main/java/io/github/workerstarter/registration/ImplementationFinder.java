package io.github.workerstarter.registration;

import java.lang.annotation.Annotation;
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

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerProperties;
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

	public ImplementationFinder(ConfigurableListableBeanFactory beanFactory, PropertyResolver placeholders,
			TemporalProperties properties) {
		this.beanFactory = beanFactory;
		this.placeholders = placeholders;
		this.properties = properties;
	}

	/**
	 * Every implementation, workflows first, then activities, then Nexus services.
	 * @return the implementations, resolved and checked
	 * @throws WorkerConfigurationException naming the bean and the fix when one is not valid, or naming every
	 * unconfigured task queue at once
	 */
	public List<TemporalImplementation> findAll() {
		NonConcreteAnnotatedTypes.reject(this.beanFactory);
		Map<String, WorkerProperties> workers = this.properties.workersByTaskQueue();
		UnconfiguredQueues unconfigured = new UnconfiguredQueues(workers.keySet());
		List<TemporalImplementation> found = new ArrayList<>();
		// beans a test replaced (@MockitoBean) count as declared; a @Primary bean of the same interfaces replaces one
		AnnotatedBeans annotatedBeans = new AnnotatedBeans(this.beanFactory);
		for (ImplementationKind kind : ImplementationKind.values()) {
			for (Candidate candidate : candidates(kind, workers, annotatedBeans)) {
				TemporalImplementation implementation = resolve(candidate, workers, unconfigured);
				if (implementation != null) {
					found.add(implementation);
				}
			}
		}
		unconfigured.failIfAny();
		List<TemporalImplementation> registered = annotatedBeans.preferPrimary(found);
		ActivityOptionsKeys.check(this.properties.activities().keySet(), registered);
		return registered;
	}

	/** A bean of one kind, with the queues its annotation declares and the workers whose configuration names it. */
	private record Candidate(ImplementationKind kind, String beanName, String @Nullable [] declared,
			Set<String> namedByWorkers) {
	}

	private List<Candidate> candidates(ImplementationKind kind, Map<String, WorkerProperties> workers,
			AnnotatedBeans annotatedBeans) {
		Map<String, Candidate> byBean = new LinkedHashMap<>();
		annotatedBeans.find(kind)
			.forEach((beanName, annotation) -> byBean.put(beanName,
					new Candidate(kind, beanName, kind.declaredTaskQueues(annotation), new LinkedHashSet<>())));
		workers.forEach((queue, worker) -> {
			for (String beanName : kind.beansNamedBy(worker)) {
				String name = beanName.trim();
				requireBean(kind, queue, name);
				byBean.computeIfAbsent(name, (n) -> new Candidate(kind, n, null, new LinkedHashSet<>()))
					.namedByWorkers()
					.add(queue);
			}
		});
		return List.copyOf(byBean.values());
	}

	private void requireBean(ImplementationKind kind, String queue, String beanName) {
		String property = "temporal.workers." + this.properties.entryOf(queue) + "." + kind.beansProperty();
		if (!this.beanFactory.containsBean(beanName)) {
			List<String> beans = Arrays.asList(this.beanFactory.getBeanDefinitionNames());
			throw new WorkerConfigurationException(
					"Property " + property + " names bean '" + beanName + "', but the application has no bean of that name.",
					"Name an existing bean (its @Bean method's name, or the class name with a lower-case first letter "
							+ "for a scanned component)." + DidYouMean.suggestion(beanName, beans));
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

	private @Nullable TemporalImplementation resolve(Candidate candidate, Map<String, WorkerProperties> workers,
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
		Set<String> queues = new LinkedHashSet<>(candidate.namedByWorkers());
		String[] declared = candidate.declared();
		if (declared != null && declared.length > 0) {
			for (String raw : declared) {
				for (String queue : queueNames(resolvePlaceholders(kind, bean, raw))) {
					if (workers.containsKey(queue)) {
						queues.add(queue);
					}
					else {
						unconfigured.add(queue, raw, bean, kind.annotationName());
					}
				}
			}
		}
		else if (queues.isEmpty()) {
			queues.add(defaultQueue(kind, bean, workers.keySet()));
		}
		String source = (declared != null) ? "is annotated " + kind.annotationName()
				: "is named in temporal.workers.<name>." + kind.beansProperty();
		queues.forEach((queue) -> checkEnabled(kind, bean, source, queue, workers.get(queue)));
		if (queues.isEmpty()) {
			return null;
		}
		return new TemporalImplementation(beanName, kind, type, List.copyOf(queues), readTypeNames(kind, bean, source, type));
	}

	private static void checkEnabled(ImplementationKind kind, String bean, String source, String queue,
			WorkerProperties worker) {
		if (!kind.isEnabledOn(worker)) {
			throw new WorkerConfigurationException(
					bean + " " + source + " for task queue '" + queue
							+ "', but that worker does not run " + kind.workerSwitch() + " (its "
							+ kind.workerSwitch() + " property is false).",
					"Move the bean to another task queue, or remove " + kind.workerSwitch()
							+ ": false from that worker under temporal.workers.");
		}
	}

	private String defaultQueue(ImplementationKind kind, String bean, Set<String> configured) {
		// temporal.default-task-queue is checked against the configured queues when it is bound
		String explicit = this.properties.defaultTaskQueue();
		if (explicit != null) {
			return explicit;
		}
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
