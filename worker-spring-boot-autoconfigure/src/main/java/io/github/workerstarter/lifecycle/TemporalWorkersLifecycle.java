package io.github.workerstarter.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.worker.RegisteredWorker;
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
 */
public class TemporalWorkersLifecycle implements SmartLifecycle, ApplicationListener<ContextClosedEvent>,
		ApplicationContextAware, InitializingBean {

	/** Lifecycle phase of the workers. */
	public static final int PHASE = DEFAULT_PHASE - 512;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(TemporalWorkersLifecycle.class);

	private final WorkerFactory workerFactory;

	private final TemporalWorkerRegistry registry;

	private final ServerProbe probe;

	private final InFlightActivities inFlight;

	private final Settings settings;

	private final Object monitor = new Object();

	private volatile WorkerState state = WorkerState.STARTING;

	private volatile @Nullable String problem;

	private volatile boolean running;

	private volatile boolean closing;

	private @Nullable Thread connector;

	private @Nullable CountDownLatch keepAlive;

	// when the context began refreshing, for the startup log line
	private long refreshStartedMillis;

	// the namespace check, asked while the rest of the context refreshes; start() takes its answer
	private @Nullable CompletableFuture<TimedAnswer> earlyCheck;

	private record TimedAnswer(ServerProbe.Result answer, Duration took) {
	}

	/**
	 * Timing and failure policy.
	 *
	 * @param drainTimeout how long in-flight tasks may finish when the context closes
	 * @param failFast whether an unreachable server fails startup
	 * @param connectTimeout how long the startup check waits for the server
	 */
	public record Settings(Duration drainTimeout, boolean failFast, Duration connectTimeout) {
	}

	public TemporalWorkersLifecycle(WorkerFactory workerFactory, TemporalWorkerRegistry registry, ServerProbe probe,
			InFlightActivities inFlight, Settings settings) {
		this.workerFactory = workerFactory;
		this.registry = registry;
		this.probe = probe;
		this.inFlight = inFlight;
		this.settings = settings;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.refreshStartedMillis = applicationContext.getStartupDate();
	}

	/**
	 * Starts the namespace check now, while the context goes on refreshing (building the workers, the other
	 * beans), so its answer is there, or closer, when {@link #start()} needs it: the first call also opens the
	 * connection, the longest single step between refresh and polling. Only with workers configured (a client-only
	 * application does not contact the server at startup) and not in a training run, which must not contact the
	 * server at all.
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.registry.hasConfiguredWorkers() && !TrainingRun.isActive()) {
			this.earlyCheck = CompletableFuture.supplyAsync(this::checkNamespace, (task) -> {
				Thread thread = new Thread(task, "temporal-namespace-check");
				thread.setDaemon(true);
				thread.start();
			});
		}
	}

	// the probe's startup check: asked once whether the registry (deciding on sticky execution) or start() wants it first
	private TimedAnswer checkNamespace() {
		long started = System.nanoTime();
		ServerProbe.Result answer = this.probe.startupCheck(this.settings.connectTimeout());
		return new TimedAnswer(answer, Duration.ofNanos(System.nanoTime() - started));
	}

	// the early check's answer when there is one, else asked now
	private TimedAnswer namespaceCheck() {
		CompletableFuture<TimedAnswer> early = this.earlyCheck;
		this.earlyCheck = null;
		if (early != null) {
			try {
				return early.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				logger.debug("The early namespace check failed; asking again", ex.getCause());
			}
		}
		return checkNamespace();
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.registry.registerWorkers();
			if (!hasWork()) {
				// a client-only application: nothing to poll, so no reason to contact the server at startup
				return;
			}
			if (this.workerFactory.isStarted()) {
				this.registry.workers()
					.stream()
					.filter(RegisteredWorker::isEnabled)
					.forEach((registered) -> registered.requireWorker().resumePolling());
				this.state = WorkerState.RUNNING;
			}
			else {
				startOrWaitForServer();
			}
			startKeepAlive();
			this.running = true;
		}
	}

	private void startOrWaitForServer() {
		long waitStarted = System.nanoTime();
		TimedAnswer check = namespaceCheck();
		// a later start (after a stop, or the connector) asks the server again
		this.probe.forgetStartupCheck();
		Duration waited = Duration.ofNanos(System.nanoTime() - waitStarted);
		ServerProbe.Result answer = check.answer();
		switch (answer.outcome()) {
			case REACHABLE -> logPolling(check.took(), waited, startPolling());
			case NAMESPACE_NOT_FOUND -> throw namespaceNotFound(answer);
			case UNREACHABLE -> {
				if (this.settings.failFast()) {
					throw unreachable(answer);
				}
				this.problem = "waiting for the server: " + answer.detail();
				logger.warn("Temporal server at " + this.probe.target() + " did not answer (" + answer.detail()
						+ "); the application starts anyway and the workers will start polling when it answers. Set "
						+ "temporal.fail-fast=true to fail startup instead.");
				startConnector();
			}
		}
	}

	// caller holds the monitor; returns how long the SDK took to start the workers
	private Duration startPolling() {
		long started = System.nanoTime();
		this.workerFactory.start();
		this.state = WorkerState.RUNNING;
		this.problem = null;
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/**
	 * One line that tells operators how long the way from the context refresh to polling took, and which part of it
	 * was the starter's: finding the annotated beans, building each worker, the namespace check, the SDK's start.
	 */
	private void logPolling(Duration namespaceCheck, Duration waited, Duration workersStart) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		TemporalWorkerRegistry.BuildTimes built = this.registry.buildTimes();
		StringBuilder line = new StringBuilder("Temporal workers polling");
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
		line.append("; namespace '").append(this.probe.namespace()).append("' checked in ")
			.append(namespaceCheck.toMillis()).append(" ms (start() waited ").append(waited.toMillis())
			.append(" ms for it); workers started in ").append(workersStart.toMillis()).append(" ms");
		logger.info(line);
	}

	private void startConnector() {
		Thread thread = new Thread(this::connectWithBackoff, "temporal-workers-connector");
		thread.setDaemon(true);
		this.connector = thread;
		thread.start();
	}

	private void connectWithBackoff() {
		Duration backoff = Duration.ofSeconds(1);
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(backoff.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			ServerProbe.Result answer = this.probe.describeNamespace(this.settings.connectTimeout());
			synchronized (this.monitor) {
				if (!this.running || this.closing || this.connector != Thread.currentThread()) {
					return;
				}
				if (answer.outcome() == ServerProbe.Outcome.NAMESPACE_NOT_FOUND) {
					this.state = WorkerState.FAILED;
					this.problem = namespaceNotFound(answer).getMessage();
					logger.error(this.problem);
					return;
				}
				if (answer.isReachable()) {
					try {
						startPolling();
						this.connector = null;
						logger.info("Temporal server at " + this.probe.target() + " answered; workers are polling, "
								+ (System.currentTimeMillis() - this.refreshStartedMillis)
								+ " ms after the application context began refreshing");
						return;
					}
					catch (RuntimeException ex) {
						this.problem = "starting the workers failed: " + ex.getMessage();
						logger.warn("Temporal workers could not start yet, will retry: " + ex.getMessage());
					}
				}
				else {
					this.problem = "waiting for the server: " + answer.detail();
				}
			}
			backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
		}
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
			stopConnector();
			if (this.closing) {
				drain();
				stopKeepAlive();
			}
			else if (this.workerFactory.isStarted()) {
				this.registry.workers()
					.stream()
					.filter(RegisteredWorker::isEnabled)
					.forEach((registered) -> registered.requireWorker().suspendPolling());
				this.state = WorkerState.SUSPENDED;
				logger.info("Temporal workers suspended polling (context stopped)");
			}
			this.running = false;
		}
	}

	private void drain() {
		if (!this.workerFactory.isStarted()) {
			this.state = WorkerState.STOPPED;
			return;
		}
		long started = System.nanoTime();
		this.state = WorkerState.DRAINING;
		logger.info("Temporal workers draining: polling stops; in flight " + inFlightSummary() + "; waiting up to "
				+ this.settings.drainTimeout().toMillis() + " ms");
		// shutdown() stops polling itself; suspending first would also stop the sticky-queue drain the SDK offers
		this.workerFactory.shutdown();
		this.workerFactory.awaitTermination(this.settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
		if (!this.workerFactory.isTerminated()) {
			logger.warn("Temporal workers did not finish within the drain timeout of "
					+ this.settings.drainTimeout().toMillis() + " ms; interrupting what is still running: "
					+ inFlightSummary() + ". Raise temporal.shutdown.drain-timeout (and "
					+ "spring.lifecycle.timeout-per-shutdown-phase) if these tasks need longer.");
			this.workerFactory.shutdownNow();
			this.workerFactory.awaitTermination(2, TimeUnit.SECONDS);
		}
		this.state = WorkerState.STOPPED;
		logger.info("Temporal workers stopped in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
	}

	private String inFlightSummary() {
		List<String> busy = this.registry.workers()
			.stream()
			.filter((registered) -> this.inFlight.count(registered.taskQueue()) > 0)
			.map((registered) -> "'" + registered.taskQueue() + "': " + this.inFlight.count(registered.taskQueue())
					+ " activities")
			.toList();
		return busy.isEmpty() ? "no activities" : busy.stream().collect(Collectors.joining(", "));
	}

	private void stopConnector() {
		Thread thread = this.connector;
		this.connector = null;
		if (thread != null) {
			thread.interrupt();
		}
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

	private boolean hasWork() {
		return this.registry.workers().stream().anyMatch(RegisteredWorker::polls);
	}

	private WorkerConfigurationException namespaceNotFound(ServerProbe.Result answer) {
		return new WorkerConfigurationException(
				"Namespace '" + this.probe.namespace() + "' (temporal.namespace) does not exist on the Temporal server at "
						+ this.probe.target() + " (" + answer.detail() + ").",
				"Create it (temporal operator namespace create --namespace " + this.probe.namespace()
						+ ") or set temporal.namespace to an existing namespace.");
	}

	private WorkerConfigurationException unreachable(ServerProbe.Result answer) {
		if (answer.tlsFailure()) {
			return new WorkerConfigurationException("The TLS connection to the Temporal server at " + this.probe.target()
					+ " (temporal.target) failed, and temporal.fail-fast is true. " + answer.detail(),
					"Check the TLS settings: the trust store of the SSL bundle named by temporal.connection.ssl-bundle "
							+ "(spring.ssl.bundle.*) must hold the CA that issued the server's certificate; the "
							+ "certificate must be issued for the host of temporal.target, or set "
							+ "temporal.connection.server-name to the name it is issued for; with mutual TLS, the "
							+ "bundle's key store must hold a client certificate the server trusts.");
		}
		return new WorkerConfigurationException(
				"Temporal server at " + this.probe.target() + " (temporal.target) did not answer within "
						+ this.settings.connectTimeout().toMillis() + " ms (" + answer.detail()
						+ ") and temporal.fail-fast is true.",
				"Start the server or correct temporal.target. To start anyway and connect once the server answers, "
						+ "set temporal.fail-fast=false.");
	}

	/**
	 * State of the workers as a whole.
	 * @return the state
	 */
	public WorkerState state() {
		return this.state;
	}

	/**
	 * State of one worker: the overall state, SUSPENDED when this worker alone was suspended, DISABLED when it is
	 * switched off.
	 * @param worker a registered worker
	 * @return its state
	 */
	public WorkerState stateOf(RegisteredWorker worker) {
		if (!worker.isEnabled()) {
			return WorkerState.DISABLED;
		}
		WorkerState overall = this.state;
		if (overall == WorkerState.RUNNING && worker.hasRegistrations() && worker.requireWorker().isSuspended()) {
			return WorkerState.SUSPENDED;
		}
		return overall;
	}

	/**
	 * Why the workers are not running, while they are waiting or failed.
	 * @return a sentence, or null
	 */
	public @Nullable String problem() {
		return this.problem;
	}

	/**
	 * Activities executing now on a queue.
	 * @param taskQueue the queue
	 * @return the count
	 */
	public int activitiesInFlight(String taskQueue) {
		return this.inFlight.count(taskQueue);
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
