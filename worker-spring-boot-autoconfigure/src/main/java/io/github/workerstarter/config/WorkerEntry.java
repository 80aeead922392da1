package io.github.workerstarter.config;

/**
 * One entry of {@code temporal.workers}, resolved: the worker it configures polls {@link #taskQueue()} in the
 * namespace {@link #namespace()} names.
 *
 * @param name the entry's key, unique across namespaces
 * @param namespace the alias of its namespace: {@link NamespaceProperties#MAIN} or a key of {@code temporal.namespaces}
 * @param taskQueue the task queue it polls ({@code task-queue}, else the key)
 * @param properties its options with {@code temporal.worker-defaults} filled in
 */
public record WorkerEntry(String name, String namespace, String taskQueue, WorkerProperties properties) {

	/**
	 * Whether it belongs to the main namespace ({@code temporal.namespace}).
	 * @return true without a {@code namespace} key
	 */
	public boolean isMain() {
		return NamespaceProperties.MAIN.equals(this.namespace);
	}

	/**
	 * How messages name the worker: its queue, and its namespace when it is not the main one.
	 * @return e.g. {@code 'invoices' (namespace billing)}
	 */
	public String describe() {
		return "'" + this.taskQueue + "'" + (isMain() ? "" : " (namespace " + this.namespace + ")");
	}

	/**
	 * The property prefix of this entry, for messages.
	 * @return {@code temporal.workers.<name>}
	 */
	public String prefix() {
		return "temporal.workers." + this.name;
	}

}
