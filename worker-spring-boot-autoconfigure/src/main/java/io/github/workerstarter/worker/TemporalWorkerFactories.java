package io.github.workerstarter.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.temporal.worker.WorkerFactory;

/**
 * One SDK {@link WorkerFactory} per namespace, by alias: the main one (the {@code WorkerFactory} bean) and one for each
 * further namespace of {@code temporal.namespaces}, built on that namespace's client with the same interceptors,
 * workflow cache settings and customizers. The registry builds each worker on the factory of its namespace; the
 * lifecycle starts and drains them all.
 */
public class TemporalWorkerFactories {

	private final Map<String, WorkerFactory> byAlias;

	/**
	 * @param byAlias the factories, the main one first
	 */
	public TemporalWorkerFactories(Map<String, WorkerFactory> byAlias) {
		this.byAlias = new LinkedHashMap<>(byAlias);
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
