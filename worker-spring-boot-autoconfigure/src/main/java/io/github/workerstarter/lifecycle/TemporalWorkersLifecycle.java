package io.github.workerstarter.lifecycle;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.worker.WorkerFactory;

/**
 * Starts and stops the workers with the application context.
 *
 * <p>Started from {@link SmartLifecycle} during refresh, not on {@code ApplicationReadyEvent}, so a
 * {@code CommandLineRunner} that waits for a workflow finds the workers already polling.
 *
 * <p>Phase {@link #PHASE} ({@code DEFAULT_PHASE - 512}) stops after message listeners that may start workflows
 * (Kafka at {@code MAX-100}, AMQP at {@code MAX}) and before the web server's graceful shutdown
 * ({@code MAX-1024}), so Actuator health and Prometheus still answer while workers drain.
 *
 * <p>A plain {@code context.stop()} suspends polling (and {@code start()} resumes it; polls already waiting on the
 * server when polling is suspended may still deliver one task each); closing the context drains:
 * polling stops, in-flight tasks may finish within {@code temporal.shutdown.drain-timeout}, then they are
 * interrupted.
 */
public class TemporalWorkersLifecycle implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

	/** Lifecycle phase of the workers. */
	public static final int PHASE = DEFAULT_PHASE - 512;

	private static final Log logger = LogFactory.getLog(TemporalWorkersLifecycle.class);

	private final WorkerFactory workerFactory;

	private final TemporalWorkerRegistry registry;

	private final Duration drainTimeout;

	private final Object monitor = new Object();

	private volatile boolean running;

	private volatile boolean closing;

	private Thread keepAlive;

	private CountDownLatch keepAliveLatch;

	public TemporalWorkersLifecycle(WorkerFactory workerFactory, TemporalWorkerRegistry registry,
			Duration drainTimeout) {
		this.workerFactory = workerFactory;
		this.registry = registry;
		this.drainTimeout = drainTimeout;
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
			if (!this.workerFactory.isStarted()) {
				this.workerFactory.start();
			}
			else {
				this.registry.workers().forEach((registered) -> registered.worker().resumePolling());
			}
			startKeepAlive();
			this.running = true;
		}
	}

	private boolean hasWork() {
		return this.registry.workers()
			.stream()
			.anyMatch(RegisteredWorker::hasRegistrations);
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		// published before lifecycle beans stop: tells a close (drain for good) from a plain stop (pause)
		this.closing = true;
	}

	@Override
	public void stop() {
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			if (this.closing) {
				drain();
				stopKeepAlive();
			}
			else {
				this.registry.workers().forEach((registered) -> registered.worker().suspendPolling());
				logger.info("Temporal workers suspended polling (context stopped)");
			}
			this.running = false;
		}
	}

	private void drain() {
		long started = System.nanoTime();
		logger.info("Temporal workers stopping: polling stops, in-flight tasks get up to " + this.drainTimeout);
		this.workerFactory.suspendPolling();
		this.workerFactory.shutdown();
		this.workerFactory.awaitTermination(this.drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!this.workerFactory.isTerminated()) {
			logger.warn("Temporal workers " + this.registry.workers().stream().map(RegisteredWorker::taskQueue).toList()
					+ " still had tasks running after the drain timeout (" + this.drainTimeout
					+ "); interrupting them. Raise temporal.shutdown.drain-timeout if they need longer.");
			this.workerFactory.shutdownNow();
			this.workerFactory.awaitTermination(5, TimeUnit.SECONDS);
		}
		logger.info("Temporal workers stopped in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
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
		this.keepAliveLatch = latch;
		this.keepAlive = thread;
	}

	private void stopKeepAlive() {
		if (this.keepAliveLatch != null) {
			this.keepAliveLatch.countDown();
		}
		this.keepAlive = null;
		this.keepAliveLatch = null;
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
