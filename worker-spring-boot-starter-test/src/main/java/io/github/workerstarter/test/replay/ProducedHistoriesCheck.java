package io.github.workerstarter.test.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;

/**
 * Replays every workflow history the tests produced on one test environment against the current code. Tests
 * rarely replay a workflow (the workers' cache keeps it in memory), so code that decides differently on replay (a
 * random value, the wall clock, a changed order of activities, a mutable static) passes the test and breaks in
 * production when a worker restarts. Each closed execution is replayed once, after the test that produced it (see
 * {@link ReplayCheckTestExecutionListener}); a workflow still running when the context closes is not checked. The
 * executions of further namespaces ({@code temporal.namespaces}) that share the environment's server are checked too.
 * With {@code temporal.test.replay.record-to} each history is also written to that folder, the one-line way to build
 * a replay corpus from what the tests ran.
 */
public class ProducedHistoriesCheck implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ProducedHistoriesCheck.class);

	private static final Pattern UNSAFE_IN_FILE_NAMES = Pattern.compile("[^A-Za-z0-9._-]");

	private final TestWorkflowEnvironment environment;

	private final WorkflowHistoryReplayer replayer;

	private final WorkflowClient client;

	private final Supplier<List<WorkflowClient>> furtherClients;

	private final Set<String> checkedRuns = new HashSet<>();

	private final boolean replay;

	private final @Nullable Path recordTo;

	private long replayed;

	private long replayNanos;

	public ProducedHistoriesCheck(TestWorkflowEnvironment environment, WorkflowHistoryReplayer replayer) {
		this(environment, replayer, List::of);
	}

	/**
	 * A check that also reads the histories of further namespaces on the environment's server.
	 * @param environment the test environment
	 * @param replayer replays against the current code
	 * @param furtherClients the clients of further namespaces on the environment's server (asked at each check)
	 */
	public ProducedHistoriesCheck(TestWorkflowEnvironment environment, WorkflowHistoryReplayer replayer,
			Supplier<List<WorkflowClient>> furtherClients) {
		this(environment, replayer, furtherClients, true, null);
	}

	/**
	 * A check that may also record each history into a replay corpus, or only record.
	 * @param environment the test environment
	 * @param replayer replays against the current code
	 * @param furtherClients the clients of further namespaces on the environment's server (asked at each check)
	 * @param replay whether to replay each history ({@code temporal.test.replay.enabled})
	 * @param recordTo the folder to write each history to as {@code <workflowId>.json}, or null
	 * ({@code temporal.test.replay.record-to})
	 */
	public ProducedHistoriesCheck(TestWorkflowEnvironment environment, WorkflowHistoryReplayer replayer,
			Supplier<List<WorkflowClient>> furtherClients, boolean replay, @Nullable Path recordTo) {
		this.environment = environment;
		this.replayer = replayer;
		this.client = environment.getWorkflowClient();
		this.furtherClients = furtherClients;
		this.replay = replay;
		this.recordTo = recordTo;
	}

	/**
	 * Replays the closed executions not replayed before.
	 * @return the result of each, failures included
	 */
	public synchronized List<ReplayResult> checkNewHistories() {
		List<ReplayResult> results = new ArrayList<>();
		List<WorkflowClient> clients = clientsByNamespace();
		for (WorkflowExecutionInfo closed : closedExecutions()) {
			String runId = closed.getExecution().getRunId();
			if (!this.checkedRuns.add(runId)) {
				continue;
			}
			WorkflowExecutionHistory history = fetchHistory(clients, closed.getExecution().getWorkflowId(), runId);
			if (this.recordTo != null) {
				record(history, this.recordTo);
			}
			if (!this.replay) {
				continue;
			}
			long started = System.nanoTime();
			ReplayResult result = this.replayer.replay(history, ReplayResult.PRODUCED_IN_THIS_RUN);
			if (result.outcome() != ReplayResult.Outcome.SKIPPED) {
				this.replayNanos += System.nanoTime() - started;
				this.replayed++;
			}
			results.add(result);
			if (logger.isDebugEnabled()) {
				logger.debug("Replayed " + result.workflowId() + " (" + result.workflowType() + "): " + result.outcome()
						+ " in " + (System.nanoTime() - started) / 1000 + " µs");
			}
		}
		return results;
	}

	/**
	 * Writes a history as the Temporal CLI exports it, to {@code <workflowId>.json} (a later run of the same workflow
	 * id replaces it), with the workflow id recorded in its started event, as a Temporal server records it and the
	 * SDK's test server does not: a replay failure can then name the workflow.
	 */
	private static void record(WorkflowExecutionHistory history, Path folder) {
		String workflowId = history.getWorkflowExecution().getWorkflowId();
		History events = history.getHistory();
		HistoryEvent first = events.getEvents(0);
		if (first.getWorkflowExecutionStartedEventAttributes().getWorkflowId().isEmpty()) {
			events = events.toBuilder()
				.setEvents(0, first.toBuilder()
					.setWorkflowExecutionStartedEventAttributes(
							first.getWorkflowExecutionStartedEventAttributes().toBuilder().setWorkflowId(workflowId)))
				.build();
		}
		Path file = folder.resolve(UNSAFE_IN_FILE_NAMES.matcher(workflowId).replaceAll("_") + ".json");
		try {
			Files.createDirectories(folder);
			Files.writeString(file, new WorkflowExecutionHistory(events, workflowId).toJson(true));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot record the history of workflow '" + workflowId + "' to " + file
					+ " (temporal.test.replay.record-to)", ex);
		}
		logger.info("Recorded the history of workflow '" + workflowId + "' (type "
				+ first.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName() + ") to "
				+ file.toAbsolutePath());
	}

	// the main namespace's client first, then one per further namespace on this server
	private List<WorkflowClient> clientsByNamespace() {
		Map<String, WorkflowClient> byNamespace = new LinkedHashMap<>();
		byNamespace.put(this.client.getOptions().getNamespace(), this.client);
		this.furtherClients.get()
			.forEach((further) -> byNamespace.putIfAbsent(further.getOptions().getNamespace(), further));
		return List.copyOf(byNamespace.values());
	}

	// the listing does not say which namespace an execution is in: ask each until one knows it
	private WorkflowExecutionHistory fetchHistory(List<WorkflowClient> clients, String workflowId, String runId) {
		StatusRuntimeException notFound = null;
		for (WorkflowClient candidate : clients) {
			try {
				return candidate.fetchHistory(workflowId, runId);
			}
			catch (StatusRuntimeException ex) {
				if (ex.getStatus().getCode() != Status.Code.NOT_FOUND) {
					throw ex;
				}
				notFound = ex;
			}
		}
		throw notFound;
	}

	// the test server answers this without paging or a query, for the executions of every namespace
	private List<WorkflowExecutionInfo> closedExecutions() {
		return this.environment.getWorkflowServiceStubs()
			.blockingStub()
			.listClosedWorkflowExecutions(
					ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(this.environment.getNamespace()).build())
			.getExecutionsList();
	}

	/**
	 * How many histories were replayed, and how long that took in all.
	 * @return the count and the total replay time (fetching the history not included)
	 */
	public synchronized Cost cost() {
		return new Cost(this.replayed, Duration.ofNanos(this.replayNanos));
	}

	@Override
	public void destroy() {
		Cost cost = cost();
		if (cost.histories() > 0) {
			logger.info("Replay check: " + cost.histories() + " workflow histories replayed against the current code in "
					+ cost.total().toMillis() + " ms (" + cost.perHistory().toNanos() / 1000 + " µs each)");
		}
	}

	/**
	 * The replay check's cost so far.
	 *
	 * @param histories histories replayed
	 * @param total time spent replaying them
	 */
	public record Cost(long histories, Duration total) {

		/**
		 * Mean time per history.
		 * @return total divided by histories, zero when none
		 */
		public Duration perHistory() {
			return (this.histories == 0) ? Duration.ZERO : this.total.dividedBy(this.histories);
		}

	}

}
