package io.github.workerstarter.benchmarks.growth;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The workflow type every growth queue has; one run on the last queue proves the registration worked. */
@WorkflowInterface
public interface GrowthWorkflow {

	@WorkflowMethod
	String echo(String text);

}
