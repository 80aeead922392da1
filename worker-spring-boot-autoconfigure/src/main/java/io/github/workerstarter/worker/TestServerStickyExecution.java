package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.workerstarter.config.WorkerEntry;
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
	public static final TestServerStickyExecution NEVER = new TestServerStickyExecution((alias) -> null, Duration.ZERO);

	private final Function<String, @Nullable ServerProbe> probes;

	private final Duration timeout;

	/**
	 * Asks the one server of an application with only the main namespace.
	 * @param probe asks the server (null: never ask)
	 * @param timeout how long the question may take (the startup check's deadline)
	 */
	public TestServerStickyExecution(@Nullable ServerProbe probe, Duration timeout) {
		this((alias) -> probe, timeout);
	}

	/**
	 * Asks the server of each namespace.
	 * @param probes the probe of a namespace, by alias (null: never ask)
	 * @param timeout how long the question may take (the startup check's deadline)
	 */
	public TestServerStickyExecution(Function<String, @Nullable ServerProbe> probes, Duration timeout) {
		this.probes = probes;
		this.timeout = timeout;
	}

	/**
	 * The worker entries as the registry should build them: with sticky execution off where the namespace's server is
	 * the SDK's test server and the worker left it unset.
	 * @param entries the worker entries
	 * @param runWorkflows the names of those that will run workflows
	 * @return the entries, some adjusted
	 */
	List<WorkerEntry> apply(List<WorkerEntry> entries, Set<String> runWorkflows) {
		Map<String, List<String>> undecided = new LinkedHashMap<>();
		entries.stream()
			.filter((entry) -> runWorkflows.contains(entry.name())
					&& entry.properties().stickyQueueScheduleToStartTimeout() == null)
			.forEach((entry) -> undecided.computeIfAbsent(entry.namespace(), (alias) -> new ArrayList<>()).add(entry.name()));
		List<String> stickyOff = new ArrayList<>();
		undecided.forEach((alias, names) -> {
			ServerProbe probe = this.probes.apply(alias);
			if (probe == null) {
				return;
			}
			probe.startupCheck(this.timeout);
			if (probe.isSdkTestServer()) {
				logger.warn("Temporal server at " + probe.target() + " is the SDK's test server (it reports no server "
						+ "version), which never times out sticky queues: a workflow cached by an instance that stops "
						+ "would wait for it forever. Sticky execution is off for " + names + ". Set temporal.worker-defaults."
						+ "sticky-queue-schedule-to-start-timeout (or the worker's own) to choose yourself.");
				stickyOff.addAll(names);
			}
		});
		if (stickyOff.isEmpty()) {
			return entries;
		}
		return entries.stream()
			.map((entry) -> stickyOff.contains(entry.name()) ? new WorkerEntry(entry.name(), entry.namespace(),
					entry.taskQueue(), entry.properties().withStickyQueueScheduleToStartTimeout(Duration.ZERO)) : entry)
			.toList();
	}

}
