package io.github.workerstarter.connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Every namespace this application talks to, by alias: the main one ({@code temporal.namespace}, alias
 * {@link NamespaceProperties#MAIN}) and those of {@code temporal.namespaces}. The qualified beans of a further
 * namespace ({@code @Qualifier("billing") WorkflowClient}) come from here; the registry, the lifecycle, health and the
 * endpoint read it to treat each namespace alike.
 */
public class TemporalNamespaces implements DisposableBean {

	private final Map<String, NamespaceConnection> byAlias = new LinkedHashMap<>();

	private final List<WorkflowServiceStubs> ownStubs;

	/**
	 * @param connections the namespaces, the main one first
	 * @param ownStubs stubs built for further namespaces' own connections, shut down with this bean
	 */
	public TemporalNamespaces(List<NamespaceConnection> connections, List<WorkflowServiceStubs> ownStubs) {
		connections.forEach((connection) -> this.byAlias.put(connection.alias(), connection));
		this.ownStubs = List.copyOf(ownStubs);
	}

	/**
	 * All namespaces, the main one first.
	 * @return the namespaces
	 */
	public List<NamespaceConnection> all() {
		return new ArrayList<>(this.byAlias.values());
	}

	/**
	 * The aliases, {@code main} first.
	 * @return the aliases
	 */
	public Set<String> aliases() {
		return this.byAlias.keySet();
	}

	/**
	 * Whether there is more than the main namespace.
	 * @return true with {@code temporal.namespaces} configured
	 */
	public boolean hasFurtherNamespaces() {
		return this.byAlias.size() > 1;
	}

	/**
	 * One namespace.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return its connection
	 * @throws IllegalArgumentException for an unknown alias
	 */
	public NamespaceConnection get(String alias) {
		NamespaceConnection connection = this.byAlias.get(alias);
		if (connection == null) {
			throw new IllegalArgumentException("No namespace with the alias '" + alias + "'. Aliases: " + aliases() + "."
					+ DidYouMean.suggestion(alias, aliases()));
		}
		return connection;
	}

	/**
	 * The stubs of a namespace, for its qualified bean.
	 * @param alias the alias
	 * @return its stubs
	 */
	public WorkflowServiceStubs workflowServiceStubs(String alias) {
		return get(alias).stubs();
	}

	/**
	 * The workflow client of a namespace, for its qualified bean.
	 * @param alias the alias
	 * @return its client
	 */
	public WorkflowClient workflowClient(String alias) {
		return get(alias).client();
	}

	/**
	 * The schedule client of a namespace, for its qualified bean.
	 * @param alias the alias
	 * @return its schedule client
	 */
	public ScheduleClient scheduleClient(String alias) {
		return get(alias).scheduleClient();
	}

	@Override
	public void destroy() {
		this.ownStubs.forEach(WorkflowServiceStubs::shutdown);
	}

}
