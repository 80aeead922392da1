package io.github.workerstarter.test.plugin;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.github.workerstarter.test.replay.ProducedHistoriesCheck;
import io.github.workerstarter.test.replay.ReplayResult;
import io.github.workerstarter.test.slice.TemporalWorkerTest;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plugin bean of the application in a {@code @TemporalWorkerTest}: the slice keeps it, the test environment applies
 * it (client and worker interceptors, its own workflow), time skipping still works, and the replay check goes through
 * its {@code replayWorkflowExecution}.
 */
@TemporalWorkerTest(properties = "temporal.workers.stamps.task-queue=stamps")
class PluginInTemporalWorkerTestTests {

	@Autowired
	WorkflowClient client;

	@Autowired
	StampLog log;

	@Autowired
	ProducedHistoriesCheck producedHistories;

	@Autowired
	TemporalWorkerRegistry registry;

	@Test
	void thePluginsInterceptorsSeeTheTestsWorkflow() {
		String workflowId = "stamp-" + UUID.randomUUID();
		StampWorkflow stamp = this.client.newWorkflowStub(StampWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue("stamps").setWorkflowId(workflowId).build());
		// a day-long timer: skipped
		assertThat(stamp.stamp("letter")).isEqualTo("letter stamped");
		assertThat(this.log.entries()).containsSubsequence("start " + workflowId, "activity Stamp for " + workflowId);
		assertThat(this.log.entries()).filteredOn((entry) -> entry.contains(workflowId) && !entry.startsWith("replayed"))
			.hasSize(2);
	}

	@Test
	void thePluginsOwnWorkflowRunsAndTheReplayCheckGoesThroughThePlugin() {
		assertThat(this.registry.workers()).filteredOn((worker) -> worker.taskQueue().equals("stamps"))
			.singleElement()
			.satisfies((worker) -> {
				assertThat(worker.workflowTypes()).containsExactly("Stamp", "Frank");
				assertThat(worker.plugins()).containsExactly("post.stamps");
			});
		String workflowId = "frank-" + UUID.randomUUID();
		FrankingWorkflow frank = this.client.newWorkflowStub(FrankingWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue("stamps").setWorkflowId(workflowId).build());
		assertThat(frank.frank("postcard")).isEqualTo("postcard franked");
		// what the check after each test does, done here so that the test can see it
		assertThat(this.producedHistories.checkNewHistories())
			.filteredOn((result) -> result.workflowId().equals(workflowId))
			.singleElement()
			.extracting(ReplayResult::outcome)
			.isEqualTo(ReplayResult.Outcome.REPLAYED);
		assertThat(this.log.entries()).contains("replayed " + workflowId);
	}

}
