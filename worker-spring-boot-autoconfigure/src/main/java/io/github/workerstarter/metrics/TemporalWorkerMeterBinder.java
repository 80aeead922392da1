package io.github.workerstarter.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

import io.github.workerstarter.lifecycle.TemporalWorkerStates;
import io.github.workerstarter.lifecycle.WorkerState;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

/**
 * Gauges of each worker's own state, tagged {@code task_queue} and {@code namespace}:
 * {@code temporal_worker_state{state}} (1 for the current state, 0 for the others),
 * {@code temporal_worker_suspended} (0 or 1) and {@code temporal_worker_activities_in_flight}. Slot usage is not
 * repeated here: the SDK publishes {@code temporal_worker_task_slots_used} and {@code _available} itself.
 *
 * <p>Boot binds meter binders while the context refreshes, possibly before the registry has built its workers (it
 * does that once all singletons exist). So the gauges of a worker are registered on whichever comes last: binding
 * to a registry, or the context refresh that follows building the workers. Each registry gets each worker once.
 * Values are read when the registry is scraped.
 */
public class TemporalWorkerMeterBinder implements MeterBinder, ApplicationListener<ContextRefreshedEvent> {

	private final TemporalWorkerRegistry workers;

	private final TemporalWorkerStates states;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Set<String> bound = new HashSet<>();

	public TemporalWorkerMeterBinder(TemporalWorkerRegistry workers, TemporalWorkerStates states) {
		this.workers = workers;
		this.states = states;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		bindWorkers();
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		bindWorkers();
	}

	private synchronized void bindWorkers() {
		for (MeterRegistry registry : this.registries) {
			for (RegisteredWorker worker : this.workers.workers()) {
				if (worker.hasRegistrations()
						&& this.bound.add(System.identityHashCode(registry) + "/" + worker.name())) {
					bind(registry, worker);
				}
			}
		}
	}

	private void bind(MeterRegistry registry, RegisteredWorker worker) {
		// the namespace's name, as the SDK tags its own metrics
		Tags tags = Tags.of("namespace", worker.namespaceName(), "task_queue", worker.taskQueue());
		for (WorkerState state : WorkerState.values()) {
			Gauge.builder("temporal_worker_state", () -> (this.states.stateOf(worker) == state) ? 1 : 0)
				.tags(tags)
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.description("1 for the state the worker is in (starting, running, suspended, draining, stopped, "
						+ "failed), 0 for the others")
				.register(registry);
		}
		Gauge.builder("temporal_worker_suspended",
				() -> (this.states.stateOf(worker) == WorkerState.SUSPENDED) ? 1 : 0)
			.tags(tags)
			.description("1 while the worker's polling is suspended")
			.register(registry);
		Gauge.builder("temporal_worker_activities_in_flight",
				() -> this.states.activitiesInFlight(worker))
			.tags(tags)
			.description("Activities executing now on the worker")
			.register(registry);
	}

}
