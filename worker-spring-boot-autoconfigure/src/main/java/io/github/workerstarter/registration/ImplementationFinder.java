package io.github.workerstarter.registration;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerProperties;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Finds the {@code @WorkflowImpl}, {@code @ActivityImpl} and {@code @NexusServiceImpl} beans, resolves the task
 * queues they name and checks each against the configured workers. Workflow beans are only inspected, never
 * instantiated here.
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
	 * Every annotated bean, workflows first, then activities, then Nexus services.
	 * @return the implementations, resolved and checked
	 * @throws WorkerConfigurationException naming the bean and the fix when one is not valid
	 */
	public List<TemporalImplementation> findAll() {
		NonConcreteAnnotatedTypes.reject(this.beanFactory);
		List<TemporalImplementation> found = new ArrayList<>();
		// beans a test replaced (@MockitoBean) count as declared; a @Primary bean of the same interfaces replaces one
		AnnotatedBeans annotatedBeans = new AnnotatedBeans(this.beanFactory);
		for (ImplementationKind kind : ImplementationKind.values()) {
			annotatedBeans.find(kind).forEach((beanName, annotation) -> found.add(resolve(kind, beanName, annotation)));
		}
		return annotatedBeans.preferPrimary(found);
	}

	private TemporalImplementation resolve(ImplementationKind kind, String beanName, Annotation annotation) {
		Class<?> type = this.beanFactory.getType(beanName);
		if (type == null) {
			throw new IllegalStateException("Bean '" + beanName + "' lost its " + kind.annotationName());
		}
		String bean = StringUtils.capitalize(TemporalImplementation.describe(beanName, type));
		if (kind == ImplementationKind.WORKFLOW && !this.beanFactory.isPrototype(beanName)) {
			throw new WorkerConfigurationException(bean + " is annotated @WorkflowImpl but is a singleton bean. "
					+ "Temporal needs a new workflow instance for every execution.",
					"Let component scanning pick up the class (@WorkflowImpl makes it prototype-scoped), or declare "
							+ "the bean with @Scope(\"prototype\").");
		}
		List<String> queues = resolveQueues(kind, bean, kind.declaredTaskQueues(annotation));
		List<String> typeNames = readTypeNames(kind, bean, type);
		return new TemporalImplementation(beanName, kind, type, queues, typeNames);
	}

	private List<String> resolveQueues(ImplementationKind kind, String bean, String[] declared) {
		Map<String, WorkerProperties> workers = this.properties.workersByTaskQueue();
		Set<String> configured = workers.keySet();
		if (declared.length == 0) {
			String queue = defaultQueue(kind, bean, configured);
			checkEnabled(kind, bean, queue, workers.get(queue));
			return List.of(queue);
		}
		Set<String> queues = new LinkedHashSet<>();
		for (String raw : declared) {
			for (String queue : queueNames(resolvePlaceholders(kind, bean, raw))) {
				if (!configured.contains(queue)) {
					throw unknownQueue(kind, bean, raw, queue, configured);
				}
				checkEnabled(kind, bean, queue, workers.get(queue));
				queues.add(queue);
			}
		}
		return List.copyOf(queues);
	}

	private static void checkEnabled(ImplementationKind kind, String bean, String queue, WorkerProperties worker) {
		if (!kind.isEnabledOn(worker)) {
			throw new WorkerConfigurationException(
					bean + " is annotated " + kind.annotationName() + " for task queue '" + queue
							+ "', but that worker does not run " + kind.workerSwitch() + " (its "
							+ kind.workerSwitch() + " property is false).",
					"Move the bean to another task queue, or remove " + kind.workerSwitch()
							+ ": false from that worker under temporal.workers.");
		}
	}

	private String defaultQueue(ImplementationKind kind, String bean, Set<String> configured) {
		String explicit = this.properties.defaultTaskQueue();
		if (explicit != null && !explicit.isBlank()) {
			if (!configured.contains(explicit)) {
				throw new WorkerConfigurationException(
						"Property temporal.default-task-queue is '" + explicit
								+ "', but no worker is configured for it. Configured task queues: " + configured + ".",
						"Add temporal.workers." + explicit + " or set temporal.default-task-queue to one of "
								+ configured + "." + DidYouMean.suggestion(explicit, configured));
			}
			return explicit;
		}
		if (configured.size() == 1) {
			return configured.iterator().next();
		}
		String problem = configured.isEmpty() ? "no task queue is configured"
				: configured.size() + " task queues are configured " + configured + " and none is the default";
		return failNoDefault(kind, bean, problem);
	}

	private String failNoDefault(ImplementationKind kind, String bean, String problem) {
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

	private WorkerConfigurationException unknownQueue(ImplementationKind kind, String bean, String raw, String queue,
			Set<String> configured) {
		String named = raw.equals(queue) ? "'" + queue + "'" : "'" + queue + "' (from '" + raw + "')";
		return new WorkerConfigurationException(
				bean + " is annotated " + kind.annotationName() + " for task queue " + named
						+ ", but no worker is configured for that queue. Configured task queues: " + configured + ".",
				"Add temporal.workers." + queue + " to the configuration, or name one of the configured task queues."
						+ DidYouMean.suggestion(queue, configured));
	}

	private List<String> readTypeNames(ImplementationKind kind, String bean, Class<?> type) {
		try {
			List<String> names = kind.readTypeNames(type);
			if (names.isEmpty()) {
				throw new IllegalArgumentException("no interface with a method to register");
			}
			return names;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new WorkerConfigurationException(
					bean + " is annotated " + kind.annotationName() + " but is not a valid implementation: "
							+ ex.getMessage(),
					kind.validImplementationFix(ClassUtils.getUserClass(type).getSimpleName()), ex);
		}
	}

}
