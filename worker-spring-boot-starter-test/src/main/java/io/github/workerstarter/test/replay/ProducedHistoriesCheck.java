package io.github.workerstarter.test.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
 */
public class ProducedHistoriesCheck implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ProducedHistoriesCheck.class);

	private final TestWorkflowEnvironment environment;

	private final WorkflowHistoryReplayer replayer;

	private final WorkflowClient client;

	private final Supplier<List<WorkflowClient>> furtherClients;

	private final Set<String> checkedRuns = new HashSet<>();

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
		this.environment = environment;
		this.replayer = replayer;
		this.client = environment.getWorkflowClient();
		this.furtherClients = furtherClients;
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
			long started = System.nanoTime();
			ReplayResult result = this.replayer.replay(history, "produced in this test run");
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
