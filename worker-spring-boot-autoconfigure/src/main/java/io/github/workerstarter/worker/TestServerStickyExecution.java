package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.WorkerProperties;
import io.github.workerstarter.connection.ServerProbe;

/**
 * Turns sticky execution off on the SDK's test server when the application did not choose. That server never times
 * out a sticky queue, so a workflow cached by an instance that stopped (a restart, a crash, a rolling deploy) would
 * wait for it forever, and its queries time out; a Temporal server hands the task to another worker after 5 s. Only
 * asked for a remote target (the in-process server dies with the application), never during a training run
 * ({@code spring.context.exit=onRefresh}: no server contact then) or with a sticky-queue drain configured (a choice
 * of sticky execution), and only when some worker runs workflows and leaves
 * {@code sticky-queue-schedule-to-start-timeout} unset.
 */
public final class TestServerStickyExecution {

	private static final Log logger = LogFactory.getLog(TestServerStickyExecution.class);

	/** Never asks: the embedded server, an application without a server probe, or a training run. */
	public static final TestServerStickyExecution NEVER = new TestServerStickyExecution(null, Duration.ZERO);

	private final @Nullable ServerProbe probe;

	private final Duration timeout;

	/**
	 * @param probe asks the server (null: never ask)
	 * @param timeout how long the question may take (the startup check's deadline)
	 */
	public TestServerStickyExecution(@Nullable ServerProbe probe, Duration timeout) {
		this.probe = probe;
		this.timeout = timeout;
	}

	/**
	 * The workers as the registry should build them: with sticky execution off where the server is the SDK's test
	 * server and the worker left it unset.
	 * @param workers effective worker properties by task queue
	 * @param runsWorkflows which of them will run workflows
	 * @return the same map, or adjusted copies
	 */
	Map<String, WorkerProperties> apply(Map<String, WorkerProperties> workers, List<String> runsWorkflows) {
		List<String> undecided = runsWorkflows.stream()
			.filter((queue) -> workers.get(queue).stickyQueueScheduleToStartTimeout() == null)
			.toList();
		if (this.probe == null || undecided.isEmpty()) {
			return workers;
		}
		this.probe.startupCheck(this.timeout);
		if (!this.probe.isSdkTestServer()) {
			return workers;
		}
		logger.warn("Temporal server at " + this.probe.target() + " is the SDK's test server (it reports no server "
				+ "version), which never times out sticky queues: a workflow cached by an instance that stops would wait "
				+ "for it forever. Sticky execution is off for " + undecided + ". Set temporal.worker-defaults."
				+ "sticky-queue-schedule-to-start-timeout (or the worker's own) to choose yourself.");
		Map<String, WorkerProperties> adjusted = new java.util.LinkedHashMap<>(workers);
		undecided.forEach((queue) -> adjusted.put(queue, workers.get(queue).withStickyQueueScheduleToStartTimeout(Duration.ZERO)));
		return adjusted;
	}

}
