package io.github.workerstarter.lifecycle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.worker.WorkerFactory;

/**
 * The workers of one namespace, one SDK {@link WorkerFactory}: asks its server at startup, starts polling or waits
 * for the server in the background with backoff, and drains. {@link TemporalWorkersLifecycle} runs one of these per
 * namespace under its monitor, so a namespace whose server is down holds back no other.
 */
final class NamespaceWorkers {

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(TemporalWorkersLifecycle.class);

	private final String alias;

	private final WorkerFactory factory;

	private final ServerProbe probe;

	private final TemporalWorkersLifecycle.Settings settings;

	private final Object monitor;

	private volatile WorkerState state = WorkerState.STARTING;

	private volatile @Nullable String problem;

	private @Nullable Thread connector;

	// the namespace check, asked while the rest of the context refreshes; start() takes its answer
	private @Nullable CompletableFuture<TimedAnswer> earlyCheck;

	/** An answer of the server, and how long it took. */
	record TimedAnswer(ServerProbe.Result answer, Duration took) {
	}

	NamespaceWorkers(String alias, WorkerFactory factory, ServerProbe probe, TemporalWorkersLifecycle.Settings settings,
			Object monitor) {
		this.alias = alias;
		this.factory = factory;
		this.probe = probe;
		this.settings = settings;
		this.monitor = monitor;
	}

	String alias() {
		return this.alias;
	}

	ServerProbe probe() {
		return this.probe;
	}

	WorkerFactory factory() {
		return this.factory;
	}

	WorkerState state() {
		return this.state;
	}

	void state(WorkerState state) {
		this.state = state;
	}

	@Nullable String problem() {
		return this.problem;
	}

	boolean isMain() {
		return NamespaceProperties.MAIN.equals(this.alias);
	}

	/** Starts the startup check on a thread of its own, so its answer is ready (or closer) when start() needs it. */
	void startEarlyCheck() {
		this.earlyCheck = CompletableFuture.supplyAsync(this::checkNamespace, (task) -> {
			Thread thread = new Thread(task, "temporal-namespace-check-" + this.alias);
			thread.setDaemon(true);
			thread.start();
		});
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

	/**
	 * Starts polling when the server answers; otherwise fails (fail-fast, missing namespace) or waits for it in the
	 * background. Caller holds the monitor.
	 * @param polling told how the start went when the workers poll at once: the check's time, start()'s wait for it,
	 * and the SDK's start
	 */
	void start(Consumer<Duration[]> polling) {
		long waitStarted = System.nanoTime();
		TimedAnswer check = namespaceCheck();
		// a later start (after a stop, or the connector) asks the server again
		this.probe.forgetStartupCheck();
		Duration waited = Duration.ofNanos(System.nanoTime() - waitStarted);
		ServerProbe.Result answer = check.answer();
		switch (answer.outcome()) {
			case REACHABLE -> polling.accept(new Duration[] { check.took(), waited, startPolling() });
			case NAMESPACE_NOT_FOUND -> throw namespaceNotFound(answer);
			case UNREACHABLE -> {
				if (this.settings.failFast()) {
					throw unreachable(answer);
				}
				this.problem = "waiting for the server: " + answer.detail();
				logger.warn("Temporal server at " + this.probe.target() + " did not answer (" + answer.detail() + ")"
						+ (isMain() ? "" : " for namespace '" + this.probe.namespace() + "'")
						+ "; the application starts anyway and the workers will start polling when it answers. Set "
						+ "temporal.fail-fast=true to fail startup instead.");
				startConnector();
			}
		}
	}

	// caller holds the monitor; returns how long the SDK took to start the workers
	private Duration startPolling() {
		long started = System.nanoTime();
		this.factory.start();
		this.state = WorkerState.RUNNING;
		this.problem = null;
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private void startConnector() {
		Thread thread = new Thread(this::connectWithBackoff, "temporal-workers-connector-" + this.alias);
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
				if (this.connector != Thread.currentThread()) {
					return;
				}
				if (answer.outcome() == ServerProbe.Outcome.NAMESPACE_NOT_FOUND) {
					this.state = WorkerState.FAILED;
					this.problem = namespaceNotFound(answer).getMessage();
					this.connector = null;
					logger.error(this.problem);
					return;
				}
				if (answer.isReachable()) {
					try {
						startPolling();
						this.connector = null;
						logger.info("Temporal server at " + this.probe.target() + " answered; workers"
								+ (isMain() ? "" : " of namespace '" + this.probe.namespace() + "'") + " are polling");
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

	/** Stops waiting for the server. Caller holds the monitor. */
	void stopConnector() {
		Thread thread = this.connector;
		this.connector = null;
		if (thread != null) {
			thread.interrupt();
		}
	}

	/** Whether a shutdown of these running workers would have the SDK cancel polls still waiting on the server. */
	boolean cancelsPollsOnShutdown() {
		return this.factory.isStarted() && !this.factory.isShutdown() && !this.probe.completesPollsOnShutdown();
	}

	/** Stops polling (in-flight tasks finish) without waiting; false when the workers never started. */
	boolean beginDrain() {
		if (!this.factory.isStarted()) {
			this.state = WorkerState.STOPPED;
			return false;
		}
		this.state = WorkerState.DRAINING;
		// shutdown() stops polling itself; suspending first would also stop the sticky-queue drain the SDK offers
		this.factory.shutdown();
		return true;
	}

	/** Waits for the drain until the deadline (nanoTime); true when everything finished. */
	boolean awaitDrain(long deadline) {
		long left = Math.max(0, deadline - System.nanoTime());
		this.factory.awaitTermination(left, TimeUnit.NANOSECONDS);
		return this.factory.isTerminated();
	}

	/** Interrupts what still runs after the drain timeout. */
	void forceStop() {
		this.factory.shutdownNow();
		this.factory.awaitTermination(2, TimeUnit.SECONDS);
	}

	private String namespaceProperty() {
		return isMain() ? "temporal.namespace" : "temporal.namespaces." + this.alias + ".namespace";
	}

	private String targetProperty() {
		return isMain() ? "temporal.target" : "temporal.namespaces." + this.alias + ".target";
	}

	private WorkerConfigurationException namespaceNotFound(ServerProbe.Result answer) {
		return new WorkerConfigurationException(
				"Namespace '" + this.probe.namespace() + "' (" + namespaceProperty()
						+ ") does not exist on the Temporal server at " + this.probe.target() + " (" + answer.detail() + ").",
				"Create it (temporal operator namespace create --namespace " + this.probe.namespace()
						+ ") or set " + namespaceProperty() + " to an existing namespace.");
	}

	private WorkerConfigurationException unreachable(ServerProbe.Result answer) {
		String connection = isMain() ? "temporal.connection" : "temporal.namespaces." + this.alias + ".connection";
		if (answer.tlsFailure()) {
			return new WorkerConfigurationException("The TLS connection to the Temporal server at " + this.probe.target()
					+ " (" + targetProperty() + ") failed, and temporal.fail-fast is true. " + answer.detail(),
					"Check the TLS settings: the trust store of the SSL bundle named by " + connection + ".ssl-bundle "
							+ "(spring.ssl.bundle.*) must hold the CA that issued the server's certificate; the "
							+ "certificate must be issued for the host of " + targetProperty() + ", or set "
							+ connection + ".server-name to the name it is issued for; with mutual TLS, the "
							+ "bundle's key store must hold a client certificate the server trusts.");
		}
		return new WorkerConfigurationException(
				"Temporal server at " + this.probe.target() + " (" + targetProperty() + ") did not answer within "
						+ this.settings.connectTimeout().toMillis() + " ms (" + answer.detail()
						+ ") and temporal.fail-fast is true.",
				"Start the server or correct " + targetProperty() + ". To start anyway and connect once the server "
						+ "answers, set temporal.fail-fast=false.");
	}

}
