package io.github.workerstarter.scaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.taskqueue.v1.TaskQueueStats;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueResponse;

/**
 * Asks the server, for each task queue this instance runs a worker for, how many tasks wait in it: DescribeTaskQueue
 * with {@code report_stats}, once per queue and task type per interval, the calls spread over the interval, one at
 * a time on a thread of its own (never on a worker's task path). Answers are kept for the gauges
 * ({@link TaskQueueBacklogMeterBinder}); a queue whose server stops answering keeps its last answer for three
 * intervals, then has none. A server that does not implement the call (the SDK's test server, or one that answers
 * without stats) is asked again only every twenty intervals, and said so once in the log. Starts after the workers
 * (their phase is {@code DEFAULT_PHASE - 512}) and stops before they drain.
 */
public class TaskQueueBacklogMonitor implements SmartLifecycle {

	/** After the workers start, before they drain. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 256;

	/** How many intervals an answer stays valid while the server does not answer. */
	static final int STALE_AFTER_INTERVALS = 3;

	/** How many intervals pass before a server that does not implement the call is asked again. */
	static final int UNSUPPORTED_RETRY_INTERVALS = 20;

	private static final Log logger = LogFactory.getLog(TaskQueueBacklogMonitor.class);

	private final Supplier<List<MonitoredTaskQueue>> queues;

	private final Duration interval;

	private final Duration timeout;

	private final Map<Key, TaskQueueBacklog> latest = new ConcurrentHashMap<>();

	private final Map<Key, Long> skipUntil = new ConcurrentHashMap<>();

	private final Set<Key> failing = ConcurrentHashMap.newKeySet();

	private final Set<String> unsupportedLogged = ConcurrentHashMap.newKeySet();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private volatile List<Key> keys = List.of();

	private volatile ScheduledExecutorService scheduler;

	private volatile boolean running;

	/**
	 * One task type of one task queue.
	 *
	 * @param namespace the Temporal namespace's name
	 * @param taskQueue the task queue
	 * @param type the task type
	 */
	public record Key(String namespace, String taskQueue, TaskType type) {
	}

	/** Told when a queue's backlog becomes known (every answer) and when it is no longer known. */
	public interface Listener {

		void answered(Key key);

		void unknown(Key key);

	}

	/**
	 * @param queues the queues to ask about, read when the monitor starts (the workers are built by then)
	 * @param interval how often each queue and task type is asked
	 * @param timeout each call's deadline
	 */
	public TaskQueueBacklogMonitor(Supplier<List<MonitoredTaskQueue>> queues, Duration interval, Duration timeout) {
		this.queues = queues;
		this.interval = interval;
		this.timeout = timeout;
	}

	void addListener(Listener listener) {
		this.listeners.add(listener);
	}

	/**
	 * The last answer about a queue's task type, while it is fresh.
	 * @param key the queue and task type
	 * @return the backlog, or empty when the server has not answered (lately)
	 */
	public Optional<TaskQueueBacklog> backlog(Key key) {
		return Optional.ofNullable(this.latest.get(key));
	}

	/**
	 * What this instance asks about.
	 * @return the queues and task types, once started
	 */
	public List<Key> keys() {
		return this.keys;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		List<Asked> asked = new ArrayList<>();
		for (MonitoredTaskQueue queue : this.queues.get()) {
			for (TaskType type : TaskType.values()) {
				if (queue.types().contains(type)) {
					asked.add(new Asked(queue, new Key(queue.namespace(), queue.taskQueue(), type)));
				}
			}
		}
		this.keys = asked.stream().map(Asked::key).toList();
		if (asked.isEmpty()) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "temporal-backlog-monitor");
			thread.setDaemon(true);
			return thread;
		});
		long intervalNanos = this.interval.toNanos();
		for (int i = 0; i < asked.size(); i++) {
			Asked one = asked.get(i);
			// spread over the interval, so many queues make a steady trickle of calls rather than a burst
			executor.scheduleAtFixedRate(() -> ask(one), intervalNanos * i / asked.size(), intervalNanos,
					TimeUnit.NANOSECONDS);
		}
		this.scheduler = executor;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.scheduler == null) {
			return;
		}
		this.scheduler.shutdownNow();
		this.scheduler = null;
		for (Key key : List.copyOf(this.latest.keySet())) {
			forget(key);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void ask(Asked asked) {
		Key key = asked.key();
		long now = System.nanoTime();
		Long skip = this.skipUntil.get(key);
		if (skip != null && now - skip < 0) {
			return;
		}
		try {
			DescribeTaskQueueResponse response = asked.queue()
				.stubs()
				.blockingStub()
				.withDeadlineAfter(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
					.setNamespace(key.namespace())
					.setTaskQueue(TaskQueue.newBuilder()
						.setName(key.taskQueue())
						.setKind(TaskQueueKind.TASK_QUEUE_KIND_NORMAL))
					.setTaskQueueType(key.type().type())
					.setReportStats(true)
					.build());
			if (!response.hasStats()) {
				unsupported(key, "it answered without task queue stats (a server before 1.25 ignores report_stats)");
				return;
			}
			TaskQueueStats stats = response.getStats();
			this.latest.put(key, new TaskQueueBacklog(stats.getApproximateBacklogCount(),
					Duration.ofSeconds(stats.getApproximateBacklogAge().getSeconds(),
							stats.getApproximateBacklogAge().getNanos()),
					stats.getTasksAddRate(), stats.getTasksDispatchRate(), System.nanoTime()));
			this.skipUntil.remove(key);
			if (this.failing.remove(key)) {
				logger.info("Backlog of task queue '" + key.taskQueue() + "' (" + key.type().tag()
						+ " tasks) is known again.");
			}
			this.listeners.forEach((listener) -> listener.answered(key));
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
				unsupported(key, "it does not implement DescribeTaskQueue (" + ex.getStatus().getCode()
						+ "; the SDK's test server does not)");
				return;
			}
			failed(key, ex.getStatus().getCode() + ((ex.getStatus().getDescription() != null)
					? ": " + ex.getStatus().getDescription() : ""));
		}
		catch (RuntimeException ex) {
			// whatever happens here must not end the schedule of this queue
			failed(key, ex.toString());
		}
	}

	private void unsupported(Key key, String why) {
		this.skipUntil.put(key, System.nanoTime() + this.interval.toNanos() * UNSUPPORTED_RETRY_INTERVALS);
		if (this.unsupportedLogged.add(key.namespace())) {
			logger.info("No task queue backlog gauges for namespace '" + key.namespace() + "': its server does not "
					+ "report task queue stats, " + why + ". Asked again every "
					+ this.interval.multipliedBy(UNSUPPORTED_RETRY_INTERVALS).toSeconds() + " s; "
					+ "temporal.scaling.backlog.enabled=false stops asking.");
		}
		forget(key);
	}

	private void failed(Key key, String why) {
		if (this.failing.add(key)) {
			logger.warn("Could not read the backlog of task queue '" + key.taskQueue() + "' (" + key.type().tag()
					+ " tasks) in namespace '" + key.namespace() + "': " + why + ". Its gauges keep the last answer for "
					+ STALE_AFTER_INTERVALS + " intervals.");
		}
		TaskQueueBacklog last = this.latest.get(key);
		if (last != null && System.nanoTime() - last.answeredNanos() > this.interval.toNanos() * STALE_AFTER_INTERVALS) {
			forget(key);
		}
	}

	private void forget(Key key) {
		if (this.latest.remove(key) != null) {
			this.listeners.forEach((listener) -> listener.unknown(key));
		}
	}

	private record Asked(MonitoredTaskQueue queue, Key key) {
	}

}
