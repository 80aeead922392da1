package io.github.workerstarter.test.plugin;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The plugin's own workflow. */
@WorkflowInterface
public interface FrankingWorkflow {

	@WorkflowMethod(name = "Frank")
	String frank(String letter);

}
