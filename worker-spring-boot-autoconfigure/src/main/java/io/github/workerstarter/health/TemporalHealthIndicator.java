package io.github.workerstarter.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.lifecycle.TemporalWorkerStates;
import io.github.workerstarter.lifecycle.WorkerState;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

/**
 * Health of one namespace's connection and of each of its workers, contributed as {@code temporal} (or, with
 * several namespaces, as the component of its alias inside {@code temporal}).
 *
 * <p>DOWN when the server does not answer the gRPC health check within {@code temporal.health.timeout} (so a dead
 * server never holds {@code /actuator/health} for longer), while the workers still wait for the server, or when
 * they failed. OUT_OF_SERVICE while they are suspended, draining or stopped. UP otherwise. It belongs to the
 * readiness group, never to liveness: a server outage must not make Kubernetes restart every pod.
 */
public class TemporalHealthIndicator extends AbstractHealthIndicator {

	private final ServerProbe probe;

	private final Duration timeout;

	private final ObjectProvider<TemporalWorkerStates> states;

	private final ObjectProvider<TemporalWorkerRegistry> registry;

	private final String alias;

	/**
	 * Health of the main namespace.
	 * @param probe asks its server
	 * @param timeout the health check's deadline
	 * @param states the workers' states, if any
	 * @param registry the workers, if any
	 */
	public TemporalHealthIndicator(ServerProbe probe, Duration timeout,
			ObjectProvider<TemporalWorkerStates> states, ObjectProvider<TemporalWorkerRegistry> registry) {
		this(NamespaceProperties.MAIN, probe, timeout, states, registry);
	}

	/**
	 * Health of one namespace: its server and its workers.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @param probe asks the namespace's server
	 * @param timeout the health check's deadline
	 * @param states the workers' states, if any
	 * @param registry the workers, if any
	 */
	public TemporalHealthIndicator(String alias, ServerProbe probe, Duration timeout,
			ObjectProvider<TemporalWorkerStates> states, ObjectProvider<TemporalWorkerRegistry> registry) {
		super("Temporal health check failed");
		this.alias = alias;
		this.probe = probe;
		this.timeout = timeout;
		this.states = states;
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ServerProbe.Result connection = this.probe.healthCheck(this.timeout);
		builder.withDetail("target", this.probe.target()).withDetail("namespace", this.probe.namespace());
		builder.withDetail("connection", connection.isReachable() ? "UP" : "DOWN (" + connection.detail() + ")");
		TemporalWorkerStates workers = this.states.getIfAvailable();
		List<RegisteredWorker> registered = workersWithRegistrations();
		if (workers != null && !registered.isEmpty()) {
			Map<String, Object> details = new LinkedHashMap<>();
			registered.forEach((worker) -> details.put(worker.taskQueue(), describe(worker, workers)));
			builder.withDetail("workers", details);
			if (workers.problem(this.alias) != null) {
				builder.withDetail("problem", workers.problem(this.alias));
			}
		}
		if (!connection.isReachable()) {
			builder.down();
			return;
		}
		if (workers == null || registered.stream().noneMatch(RegisteredWorker::polls)) {
			// a client-only application, or every worker switched off
			builder.up();
			return;
		}
		switch (workers.state(this.alias)) {
			case RUNNING -> builder.up();
			case STARTING, FAILED -> builder.down();
			case SUSPENDED, DRAINING, STOPPED -> builder.outOfService();
			case DISABLED -> builder.up();
		}
	}

	private List<RegisteredWorker> workersWithRegistrations() {
		TemporalWorkerRegistry workerRegistry = this.registry.getIfAvailable();
		return (workerRegistry != null)
				? workerRegistry.workers()
					.stream()
					.filter((worker) -> worker.namespace().equals(this.alias) && worker.hasRegistrations())
					.toList()
				: List.of();
	}

	private static Map<String, Object> describe(RegisteredWorker worker, TemporalWorkerStates workers) {
		WorkerState state = workers.stateOf(worker);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", state.name().toLowerCase());
		if (!worker.isEnabled()) {
			details.put("disabledBy", worker.disabledBy());
		}
		details.put("workflowTypes", worker.workflowTypes());
		details.put("activityTypes", worker.activityTypes());
		if (!worker.nexusServices().isEmpty()) {
			details.put("nexusServices", worker.nexusServices());
		}
		if (worker.isEnabled()) {
			details.put("activitiesInFlight", workers.activitiesInFlight(worker));
		}
		return details;
	}

}
