package io.github.workerstarter.benchmarks.drain;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One activity of a known duration, so the drain scenario knows when every in-flight activity would end. */
@WorkflowInterface
public interface SleepWorkflow {

	@WorkflowMethod
	void sleep(int millis);

}
