package io.github.workerstarter.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.plugin.PluginBean;
import io.temporal.worker.WorkerFactory;

/**
 * One SDK {@link WorkerFactory} per namespace, by alias: the main one (the {@code WorkerFactory} bean) and one for each
 * further namespace of {@code temporal.namespaces}, built on that namespace's client with the same interceptors,
 * workflow cache settings and customizers. The registry builds each worker on the factory of its namespace; the
 * lifecycle starts and drains them all.
 */
public class TemporalWorkerFactories {

	private final Map<String, WorkerFactory> byAlias;

	private final Map<String, List<PluginBean>> plugins;

	/**
	 * @param byAlias the factories, the main one first
	 */
	public TemporalWorkerFactories(Map<String, WorkerFactory> byAlias) {
		this(byAlias, Map.of());
	}

	/**
	 * @param byAlias the factories, the main one first
	 * @param plugins the Temporal SDK plugins each factory's workers run with, by alias
	 */
	public TemporalWorkerFactories(Map<String, WorkerFactory> byAlias, Map<String, List<PluginBean>> plugins) {
		this.byAlias = new LinkedHashMap<>(byAlias);
		this.plugins = new LinkedHashMap<>(plugins);
	}

	/**
	 * The Temporal SDK plugins the workers of a namespace run with, in the order the SDK applies them.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return the plugins; empty when none applies
	 */
	public List<PluginBean> plugins(String alias) {
		return this.plugins.getOrDefault(alias, List.of());
	}

	/**
	 * The plugins of every namespace's workers.
	 * @return the plugins by alias
	 */
	public Map<String, List<PluginBean>> pluginsByAlias() {
		return this.plugins;
	}

	/**
	 * Just the main namespace's factory.
	 * @param main the factory
	 * @return the factories
	 */
	public static TemporalWorkerFactories of(WorkerFactory main) {
		return new TemporalWorkerFactories(Map.of(NamespaceProperties.MAIN, main));
	}

	/**
	 * The factory of a namespace.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return its factory
	 */
	public WorkerFactory workerFactory(String alias) {
		WorkerFactory factory = this.byAlias.get(alias);
		if (factory == null) {
			throw new IllegalArgumentException("No worker factory for the namespace alias '" + alias + "'. Aliases: "
					+ this.byAlias.keySet() + "." + DidYouMean.suggestion(alias, this.byAlias.keySet()));
		}
		return factory;
	}

	/**
	 * The factories by alias, the main one first.
	 * @return the factories
	 */
	public Map<String, WorkerFactory> byAlias() {
		return this.byAlias;
	}

	/**
	 * Every factory.
	 * @return the factories, the main one first
	 */
	public List<WorkerFactory> all() {
		return List.copyOf(this.byAlias.values());
	}

}
