package io.github.workerstarter.sample.order;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.github.workerstarter.test.replay.WorkflowHistoryReplayer;
import io.github.workerstarter.test.slice.TemporalWorkerTest;

/**
 * Order histories exported as JSON (from production with
 * {@code temporal workflow show --workflow-id <id> --output json}; here by {@link OrderHistoryCorpusTests}), replayed
 * against the current code: a change that would break the orders in flight fails here, before it is deployed.
 */
@TemporalWorkerTest
class OrderHistoryReplayTests {

	@Autowired
	WorkflowHistoryReplayer replayer;

	@Test
	void exportedOrderHistoriesReplayAgainstTheCurrentCode() {
		this.replayer.assertReplays("classpath:histories/*.json");
	}

}
