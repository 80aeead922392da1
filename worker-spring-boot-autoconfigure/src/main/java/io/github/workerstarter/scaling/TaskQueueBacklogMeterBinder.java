package io.github.workerstarter.scaling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The backlog of each task queue this instance runs a worker for, as gauges tagged {@code namespace},
 * {@code task_queue} and {@code task_queue_type} ({@code workflow}, {@code activity}):
 * {@code temporal_task_queue_backlog_count}, {@code temporal_task_queue_backlog_age_seconds},
 * {@code temporal_task_queue_tasks_add_rate} and {@code temporal_task_queue_tasks_dispatch_rate} (per second). They
 * exist while the server's answer is known ({@link TaskQueueBacklogMonitor}): a queue whose server never answered,
 * or stopped answering, has none, so an autoscaler or an alert never acts on a number nobody measured.
 */
public class TaskQueueBacklogMeterBinder implements MeterBinder, TaskQueueBacklogMonitor.Listener {

	private final TaskQueueBacklogMonitor monitor;

	private final List<MeterRegistry> registries = new ArrayList<>();

	private final Map<TaskQueueBacklogMonitor.Key, List<Meter>> meters = new HashMap<>();

	public TaskQueueBacklogMeterBinder(TaskQueueBacklogMonitor monitor) {
		this.monitor = monitor;
		monitor.addListener(this);
	}

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		for (TaskQueueBacklogMonitor.Key key : this.monitor.keys()) {
			if (this.monitor.backlog(key).isPresent()) {
				this.meters.computeIfAbsent(key, (k) -> new ArrayList<>()).addAll(register(registry, key));
			}
		}
	}

	@Override
	public synchronized void answered(TaskQueueBacklogMonitor.Key key) {
		if (!this.meters.containsKey(key)) {
			List<Meter> registered = new ArrayList<>();
			this.registries.forEach((registry) -> registered.addAll(register(registry, key)));
			this.meters.put(key, registered);
		}
	}

	@Override
	public synchronized void unknown(TaskQueueBacklogMonitor.Key key) {
		List<Meter> removed = this.meters.remove(key);
		if (removed != null) {
			for (Meter meter : removed) {
				this.registries.forEach((registry) -> registry.remove(meter));
			}
		}
	}

	private List<Meter> register(MeterRegistry registry, TaskQueueBacklogMonitor.Key key) {
		Tags tags = Tags.of("namespace", key.namespace(), "task_queue", key.taskQueue(), "task_queue_type",
				key.type().tag());
		return List.of(
				gauge(registry, "temporal_task_queue_backlog_count", tags, key, (backlog) -> backlog.count(),
						"Tasks waiting in the task queue, the server's approximation (DescribeTaskQueue stats)"),
				gauge(registry, "temporal_task_queue_backlog_age_seconds", tags, key,
						(backlog) -> backlog.age().toNanos() / 1e9,
						"How long the oldest task waiting in the task queue has waited, the server's approximation"),
				gauge(registry, "temporal_task_queue_tasks_add_rate", tags, key, TaskQueueBacklog::addRate,
						"Tasks added to the task queue per second, recently (server's view)"),
				gauge(registry, "temporal_task_queue_tasks_dispatch_rate", tags, key, TaskQueueBacklog::dispatchRate,
						"Tasks handed from the task queue to workers per second, recently (server's view)"));
	}

	private Meter gauge(MeterRegistry registry, String name, Tags tags, TaskQueueBacklogMonitor.Key key,
			ToDoubleFunction<TaskQueueBacklog> value, String description) {
		TaskQueueBacklogMonitor monitor = this.monitor;
		return Gauge.builder(name, () -> monitor.backlog(key).map(value::applyAsDouble).orElse(Double.NaN))
			.tags(tags)
			.description(description)
			.register(registry);
	}

}
