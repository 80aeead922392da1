package io.github.workerstarter.test.plugin;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
public interface StampWorkflow {

	@WorkflowMethod(name = "Stamp")
	String stamp(String letter);

}
