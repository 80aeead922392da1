package io.github.workerstarter.registration;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.config.WorkerEntry;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * One implementing bean, resolved: which workers it is registered on and which Temporal types it provides.
 *
 * @param beanName the Spring bean name; for an implementation a plugin registers, the plugin's bean name (or its
 * name, when the plugin is not a bean)
 * @param kind workflow, activity or Nexus service
 * @param type the bean's class (for activities, the class Spring exposes, proxy included); for an implementation a
 * plugin registers, the class it registers
 * @param workers the {@code temporal.workers} entries it is registered on (a queue may have one per namespace)
 * @param typeNames Temporal workflow or activity type names
 * @param plugin the name of the Temporal SDK plugin that registers it itself, or null for a bean
 */
public record TemporalImplementation(String beanName, ImplementationKind kind, Class<?> type,
		List<WorkerEntry> workers, List<String> typeNames, @Nullable String plugin) {

	/**
	 * A bean's implementation.
	 * @param beanName the Spring bean name
	 * @param kind workflow, activity or Nexus service
	 * @param type the bean's class
	 * @param workers the worker entries it is registered on
	 * @param typeNames Temporal type names
	 */
	public TemporalImplementation(String beanName, ImplementationKind kind, Class<?> type, List<WorkerEntry> workers,
			List<String> typeNames) {
		this(beanName, kind, type, workers, typeNames, null);
	}

	/**
	 * Whether a Temporal SDK plugin registers it (the SDK does, when the worker is created), rather than a bean.
	 * @return true for an implementation of {@code SimplePlugin.Builder.registerWorkflowImplementationTypes} and the like
	 */
	public boolean isFromPlugin() {
		return this.plugin != null;
	}

	/**
	 * The task queues it serves, each once.
	 * @return the queue names
	 */
	public List<String> taskQueues() {
		return this.workers.stream().map(WorkerEntry::taskQueue).distinct().toList();
	}

	/**
	 * Whether it is registered on a worker entry.
	 * @param entry the entry's name
	 * @return true when it serves that worker
	 */
	public boolean servesWorker(String entry) {
		return this.workers.stream().anyMatch((worker) -> worker.name().equals(entry));
	}

	/**
	 * Whether this is a dynamic implementation (the SDK's {@code DynamicWorkflow} or {@code DynamicActivity}), which
	 * serves every type of its kind that has no implementation of its own on the worker.
	 * @return true for a dynamic implementation
	 */
	public boolean isDynamic() {
		return this.typeNames.equals(List.of(ImplementationKind.DYNAMIC_TYPE));
	}

	/**
	 * How messages name this implementation.
	 * @return bean name and class
	 */
	public String describe() {
		if (this.plugin != null) {
			return describePluginRegistration(this.type, this.plugin,
					this.beanName.equals(this.plugin) ? null : this.beanName);
		}
		return describe(this.beanName, this.type);
	}

	static String describePluginRegistration(Class<?> type, String plugin, @Nullable String pluginBean) {
		return "class " + ClassUtils.getUserClass(type).getName() + " registered by plugin '" + plugin + "'"
				+ ((pluginBean != null) ? " (bean '" + pluginBean + "')" : "");
	}

	static String describe(String beanName, Class<?> type) {
		return "bean '" + beanName + "' (" + ClassUtils.getUserClass(type).getName() + ")";
	}

	/**
	 * Registers this implementation on a worker.
	 * @param worker the worker of one of {@link #workers()}
	 * @param beanFactory where the bean (or, for workflows, each new instance) comes from
	 * @param workflowOptions registration options of a workflow implementation class (asked for workflows only)
	 */
	public void registerOn(Worker worker, BeanFactory beanFactory,
			Function<Class<?>, WorkflowImplementationOptions> workflowOptions) {
		if (isFromPlugin()) {
			// the SDK registered it when it created the worker, through the plugin's initializeWorker
			return;
		}
		this.kind.register(worker, this, beanFactory, workflowOptions);
	}

}
