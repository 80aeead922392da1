package io.github.workerstarter.benchmarks.determinism;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The workflow whose implementation {@link WideCallGraph} generates, with a call graph of many classes. */
@WorkflowInterface
public interface WideWorkflow {

	@WorkflowMethod(name = "Wide")
	String run(String input);

}
