package io.github.workerstarter.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

/**
 * What health, {@code /actuator/temporal} and the metrics read of the running workers: the state of each namespace
 * and worker, why they are not running, and the activities in flight. {@link TemporalWorkersLifecycle} changes these
 * states as it starts, suspends and drains; this side only reads them, so readers need no access to starting and
 * stopping.
 */
public class TemporalWorkerStates {

	// the least healthy first: the overall state of several namespaces is the first of theirs in this order
	private static final List<WorkerState> SEVERITY = List.of(WorkerState.FAILED, WorkerState.STARTING,
			WorkerState.DRAINING, WorkerState.STOPPED, WorkerState.SUSPENDED, WorkerState.RUNNING);

	private final Map<String, NamespaceWorkers> namespaces;

	private final TemporalWorkerRegistry registry;

	private final InFlightActivities inFlight;

	TemporalWorkerStates(Map<String, NamespaceWorkers> namespaces, TemporalWorkerRegistry registry,
			InFlightActivities inFlight) {
		this.namespaces = namespaces;
		this.registry = registry;
		this.inFlight = inFlight;
	}

	/**
	 * State of the workers as a whole: the main namespace's, or with several namespaces the least healthy of those
	 * with work (failed, then starting, draining, stopped, suspended, running).
	 * @return the state
	 */
	public WorkerState state() {
		List<NamespaceWorkers> withWork = withWork();
		if (withWork.size() <= 1) {
			return (withWork.isEmpty() ? this.namespaces.get(NamespaceProperties.MAIN) : withWork.get(0)).state();
		}
		return withWork.stream()
			.map(NamespaceWorkers::state)
			.min((a, b) -> SEVERITY.indexOf(a) - SEVERITY.indexOf(b))
			.orElse(WorkerState.RUNNING);
	}

	/**
	 * Whether the workers of one namespace have anything to poll: some worker is enabled and has registrations.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return false for a namespace used only as a client, or whose workers are all switched off
	 */
	public boolean polls(String alias) {
		return withWork().stream().anyMatch((namespace) -> namespace.alias().equals(alias));
	}

	/**
	 * State of the workers of one namespace.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return the state
	 */
	public WorkerState state(String alias) {
		return namespace(alias).state();
	}

	/**
	 * State of one worker: its namespace's state, SUSPENDED when this worker alone was suspended, DISABLED when it is
	 * switched off.
	 * @param worker a registered worker
	 * @return its state
	 */
	public WorkerState stateOf(RegisteredWorker worker) {
		if (!worker.isEnabled()) {
			return WorkerState.DISABLED;
		}
		WorkerState overall = namespace(worker.namespace()).state();
		if (overall == WorkerState.RUNNING && worker.hasRegistrations() && worker.requireWorker().isSuspended()) {
			return WorkerState.SUSPENDED;
		}
		return overall;
	}

	/**
	 * Why the workers are not running, while they are waiting or failed: the main namespace's reason, or with several
	 * namespaces each one's, named.
	 * @return a sentence, or null
	 */
	public @Nullable String problem() {
		List<String> problems = new ArrayList<>();
		for (NamespaceWorkers namespace : this.namespaces.values()) {
			if (namespace.problem() != null) {
				problems.add(this.namespaces.size() == 1 ? namespace.problem()
						: "namespace " + namespace.probe().namespace() + ": " + namespace.problem());
			}
		}
		return problems.isEmpty() ? null : String.join("; ", problems);
	}

	/**
	 * Why the workers of one namespace are not running.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return a sentence, or null
	 */
	public @Nullable String problem(String alias) {
		return namespace(alias).problem();
	}

	/**
	 * Activities executing now on a queue, in every namespace.
	 * @param taskQueue the queue
	 * @return the count
	 */
	public int activitiesInFlight(String taskQueue) {
		return this.inFlight.count(taskQueue);
	}

	/**
	 * Activities executing now on one worker.
	 * @param worker a registered worker
	 * @return the count
	 */
	public int activitiesInFlight(RegisteredWorker worker) {
		return this.inFlight.count(worker.namespaceName(), worker.taskQueue());
	}

	/** The namespaces with some enabled worker that has registrations. */
	List<NamespaceWorkers> withWork() {
		return this.namespaces.values()
			.stream()
			.filter((namespace) -> enabledWorkersOf(namespace.alias()).stream().anyMatch(RegisteredWorker::polls))
			.toList();
	}

	List<RegisteredWorker> enabledWorkersOf(String alias) {
		return this.registry.workers()
			.stream()
			.filter((worker) -> worker.namespace().equals(alias) && worker.isEnabled())
			.toList();
	}

	/** The activities still running, by queue, for the drain's log lines. */
	String inFlightSummary() {
		List<String> busy = this.registry.workers()
			.stream()
			.filter((registered) -> activitiesInFlight(registered) > 0)
			.map((registered) -> "'" + registered.taskQueue() + "'"
					+ (registered.isMainNamespace() ? "" : " (namespace " + registered.namespaceName() + ")") + ": "
					+ activitiesInFlight(registered) + " activities")
			.toList();
		return busy.isEmpty() ? "no activities" : busy.stream().collect(Collectors.joining(", "));
	}

	private NamespaceWorkers namespace(String alias) {
		NamespaceWorkers namespace = this.namespaces.get(alias);
		if (namespace == null) {
			throw new IllegalArgumentException("No namespace with the alias '" + alias + "': " + this.namespaces.keySet());
		}
		return namespace;
	}

}
