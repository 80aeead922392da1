package io.github.workerstarter.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

import io.github.workerstarter.aot.TrainingRun;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.worker.TemporalWorkerFactories;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.worker.WorkerFactory;

/**
 * Starts and stops the workers with the application context.
 *
 * <p><b>Start.</b> From {@link SmartLifecycle} during refresh, not on {@code ApplicationReadyEvent}, so a
 * {@code CommandLineRunner} that waits for a workflow finds the workers polling. The server is asked first, with a
 * short deadline: a missing namespace fails startup; an unreachable server fails startup only with
 * {@code temporal.fail-fast=true}, otherwise the workers connect in the background with backoff (health is DOWN
 * meanwhile) and start polling as soon as the server answers.
 *
 * <p><b>Stop.</b> Phase {@link #PHASE} ({@code DEFAULT_PHASE - 512}) stops after message listeners that may start
 * workflows (Kafka at {@code MAX-100}, AMQP at {@code MAX}) and before the web server's graceful shutdown
 * ({@code MAX-1024}), so Actuator health and Prometheus still answer while workers drain. A plain
 * {@code context.stop()} suspends polling and {@code start()} resumes it (polls already waiting on the server may
 * still deliver one task each). Closing the context drains: polling stops, in-flight tasks may finish within the
 * drain timeout, then they are interrupted and the log names the queues that still had work.
 *
 * <p><b>Namespaces.</b> Each namespace (the main one and those of {@code temporal.namespaces}) has its own worker
 * factory, started on its own server's answer and waiting for that server on its own, so one namespace's outage
 * holds back no other; all of them drain together within the one shutdown phase.
 *
 * <p><b>States.</b> What it sets as it goes is read through {@link #states()} ({@link TemporalWorkerStates}, a bean of
 * its own), never through this class: health, the endpoint and the metrics do not start or stop anything.
 */
public class TemporalWorkersLifecycle implements SmartLifecycle, ApplicationListener<ContextClosedEvent>,
		ApplicationContextAware, InitializingBean {

	/** Lifecycle phase of the workers. */
	public static final int PHASE = DEFAULT_PHASE - 512;

	private static final Log logger = LogFactory.getLog(TemporalWorkersLifecycle.class);

	private final Map<String, NamespaceWorkers> namespaces = new LinkedHashMap<>();

	private final TemporalWorkerRegistry registry;

	private final TemporalWorkerStates states;

	private final Settings settings;

	private final Object monitor = new Object();

	private volatile boolean running;

	private volatile boolean closing;

	private @Nullable CountDownLatch keepAlive;

	// when the context began refreshing, for the startup log line
	private long refreshStartedMillis;

	/**
	 * Timing and failure policy.
	 *
	 * @param drainTimeout how long in-flight tasks may finish when the context closes
	 * @param failFast whether an unreachable server fails startup
	 * @param connectTimeout how long the startup check waits for the server
	 * @param pollReturnTimeout how long a drain lets waiting polls come back before the SDK cancels them, where the
	 * server does not complete them itself (zero: cancelled at once)
	 */
	public record Settings(Duration drainTimeout, boolean failFast, Duration connectTimeout, Duration pollReturnTimeout) {

		/** Settings whose drains let the SDK cancel waiting polls at once. */
		public Settings(Duration drainTimeout, boolean failFast, Duration connectTimeout) {
			this(drainTimeout, failFast, connectTimeout, Duration.ZERO);
		}

	}

	/**
	 * The lifecycle of an application with the main namespace only.
	 * @param workerFactory its worker factory
	 * @param registry the workers
	 * @param probe asks its server
	 * @param inFlight counts running activities
	 * @param settings timing and failure policy
	 */
	public TemporalWorkersLifecycle(WorkerFactory workerFactory, TemporalWorkerRegistry registry, ServerProbe probe,
			InFlightActivities inFlight, Settings settings) {
		this(TemporalWorkerFactories.of(workerFactory), (alias) -> probe, registry, inFlight, settings);
	}

	/**
	 * The lifecycle of the workers of every namespace.
	 * @param workerFactories the worker factory of each namespace, by alias
	 * @param probes the probe of a namespace's server, by alias
	 * @param registry the workers
	 * @param inFlight counts running activities
	 * @param settings timing and failure policy
	 */
	public TemporalWorkersLifecycle(TemporalWorkerFactories workerFactories, Function<String, ServerProbe> probes,
			TemporalWorkerRegistry registry, InFlightActivities inFlight, Settings settings) {
		workerFactories.byAlias()
			.forEach((alias, factory) -> this.namespaces.put(alias,
					new NamespaceWorkers(alias, factory, probes.apply(alias), settings, this.monitor)));
		this.registry = registry;
		this.states = new TemporalWorkerStates(this.namespaces, registry, inFlight);
		this.settings = settings;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.refreshStartedMillis = applicationContext.getStartupDate();
	}

	/**
	 * Starts each namespace's check now, while the context goes on refreshing (building the workers, the other
	 * beans), so its answer is there, or closer, when {@link #start()} needs it: the first call also opens the
	 * connection, the longest single step between refresh and polling. Only for namespaces with workers configured (a
	 * client-only application does not contact the server at startup) and not in a training run, which must not
	 * contact the server at all.
	 */
	@Override
	public void afterPropertiesSet() {
		if (TrainingRun.isActive()) {
			return;
		}
		this.namespaces.values()
			.stream()
			.filter((namespace) -> this.registry.hasConfiguredWorkers(namespace.alias()))
			.forEach(NamespaceWorkers::startEarlyCheck);
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.registry.registerWorkers();
			List<NamespaceWorkers> withWork = this.states.withWork();
			if (withWork.isEmpty()) {
				// a client-only application: nothing to poll, so no reason to contact the server at startup
				return;
			}
			for (NamespaceWorkers namespace : withWork) {
				if (namespace.factory().isStarted()) {
					this.states.enabledWorkersOf(namespace.alias())
						.forEach((registered) -> registered.requireWorker().resumePolling());
					namespace.state(WorkerState.RUNNING);
				}
				else {
					namespace.start((times) -> logPolling(namespace, times[0], times[1], times[2]));
				}
			}
			startKeepAlive();
			this.running = true;
		}
	}

	/**
	 * One line that tells operators how long the way from the context refresh to polling took, and which part of it
	 * was the starter's: finding the annotated beans, building each worker, the namespace check, the SDK's start.
	 */
	private void logPolling(NamespaceWorkers namespace, Duration namespaceCheck, Duration waited, Duration workersStart) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		TemporalWorkerRegistry.BuildTimes built = this.registry.buildTimes();
		StringBuilder line = new StringBuilder("Temporal workers");
		if (!namespace.isMain()) {
			line.append(" of namespace '").append(namespace.probe().namespace()).append("'");
		}
		line.append(" polling");
		if (this.refreshStartedMillis > 0) {
			line.append(' ').append(System.currentTimeMillis() - this.refreshStartedMillis)
				.append(" ms after the application context began refreshing");
		}
		line.append(": annotated beans found in ").append(built.finding().toMillis()).append(" ms; workers built: ");
		line.append(built.byTaskQueue()
			.entrySet()
			.stream()
			.map((worker) -> "'" + worker.getKey() + "' " + worker.getValue().toMillis() + " ms")
			.collect(Collectors.joining(", ")));
		line.append("; namespace '").append(namespace.probe().namespace()).append("' checked in ")
			.append(namespaceCheck.toMillis()).append(" ms (start() waited ").append(waited.toMillis())
			.append(" ms for it); workers started in ").append(workersStart.toMillis()).append(" ms");
		logger.info(line);
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		// published before lifecycle beans stop: tells a close (drain for good) from a plain stop (pause)
		this.closing = true;
	}

	@Override
	public void stop(Runnable callback) {
		if (!this.closing || !this.running) {
			stop();
			callback.run();
			return;
		}
		// drain off the caller's thread, so other beans of this phase stop in parallel
		Thread drainer = new Thread(() -> {
			try {
				stop();
			}
			finally {
				callback.run();
			}
		}, "temporal-workers-drain");
		drainer.start();
	}

	@Override
	public void stop() {
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.namespaces.values().forEach(NamespaceWorkers::stopConnector);
			if (this.closing) {
				drain();
				stopKeepAlive();
			}
			else {
				for (NamespaceWorkers namespace : this.namespaces.values()) {
					if (namespace.factory().isStarted()) {
						suspendPolling(namespace);
						namespace.state(WorkerState.SUSPENDED);
					}
				}
				logger.info("Temporal workers suspended polling (context stopped)");
			}
			this.running = false;
		}
	}

	// every namespace's workers stop polling at once and share the one drain timeout
	private void drain() {
		List<NamespaceWorkers> draining = new ArrayList<>();
		String inFlightBefore = this.states.inFlightSummary();
		long started = System.nanoTime();
		List<NamespaceWorkers> pollsReturning = letPollsReturn();
		for (NamespaceWorkers namespace : this.namespaces.values()) {
			if (namespace.beginDrain()) {
				draining.add(namespace);
			}
		}
		if (draining.isEmpty()) {
			return;
		}
		logger.info("Temporal workers draining" + namespacesNamed(draining) + ": polling stops; in flight "
				+ inFlightBefore + "; waiting up to " + this.settings.drainTimeout().toMillis() + " ms"
				+ (pollsReturning.isEmpty() ? "" : " (the first " + this.settings.pollReturnTimeout().toMillis()
						+ " ms for polls waiting on the server to come back" + namespacesNamed(pollsReturning) + ")"));
		long deadline = started + this.settings.drainTimeout().toNanos();
		List<NamespaceWorkers> unfinished = draining.stream().filter((namespace) -> !namespace.awaitDrain(deadline)).toList();
		if (!unfinished.isEmpty()) {
			logger.warn("Temporal workers did not finish within the drain timeout of "
					+ this.settings.drainTimeout().toMillis() + " ms; interrupting what is still running: "
					+ this.states.inFlightSummary() + ". Raise temporal.shutdown.drain-timeout (and "
					+ "spring.lifecycle.timeout-per-shutdown-phase) if these tasks need longer.");
			unfinished.forEach(NamespaceWorkers::forceStop);
		}
		draining.forEach((namespace) -> namespace.state(WorkerState.STOPPED));
		logger.info("Temporal workers stopped in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
	}

	/**
	 * Where the server does not complete a stopping worker's waiting polls, the SDK cancels them, and a task the server
	 * hands to one at that instant is lost until its timeout. Suspending polling first lets each waiting poll come
	 * back with what it was given (it then runs here like any other task) and poll no more; only those still waiting
	 * after the poll-return timeout are cancelled.
	 * @return the namespaces whose polls were given that time
	 */
	private List<NamespaceWorkers> letPollsReturn() {
		Duration wait = this.settings.pollReturnTimeout();
		List<NamespaceWorkers> cancelling = this.namespaces.values()
			.stream()
			.filter(NamespaceWorkers::cancelsPollsOnShutdown)
			.toList();
		if (wait.isZero() || cancelling.isEmpty()) {
			return List.of();
		}
		cancelling.forEach((namespace) -> {
			suspendPolling(namespace);
			namespace.state(WorkerState.DRAINING);
		});
		// a bounded wait, not a condition: the SDK tells no one when a suspended poller's last poll has come back
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return cancelling;
	}

	private void suspendPolling(NamespaceWorkers namespace) {
		this.states.enabledWorkersOf(namespace.alias())
			.forEach((registered) -> registered.requireWorker().suspendPolling());
	}

	private static String namespacesNamed(List<NamespaceWorkers> namespaces) {
		if (namespaces.size() == 1 && namespaces.get(0).isMain()) {
			return "";
		}
		return " in namespaces " + namespaces.stream().map((namespace) -> namespace.probe().namespace()).toList();
	}

	// A worker-only application has no non-daemon thread of its own (the SDK's are daemons): hold one until close.
	private void startKeepAlive() {
		if (this.keepAlive != null) {
			return;
		}
		CountDownLatch latch = new CountDownLatch(1);
		Thread thread = new Thread(() -> {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "temporal-workers-keepalive");
		thread.setDaemon(false);
		thread.start();
		this.keepAlive = latch;
	}

	private void stopKeepAlive() {
		CountDownLatch latch = this.keepAlive;
		this.keepAlive = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	/**
	 * The timing and failure policy in effect.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * What health, the endpoint and the metrics read: the states this lifecycle sets.
	 * @return the read side of the workers' states
	 */
	public TemporalWorkerStates states() {
		return this.states;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
