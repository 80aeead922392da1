package io.github.workerstarter.test.determinism;

import java.time.Instant;

import io.github.workerstarter.annotation.WorkflowImpl;

/** Not deterministic: the wall clock differs when a worker replays the history. */
@WorkflowImpl(taskQueues = "stamps")
public class StampWorkflowImpl implements StampWorkflow {

	@Override
	public String stamp(String document) {
		return document + " stamped at " + Instant.now();
	}

}
