package io.github.workerstarter.test.replay;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
public interface ParcelWorkflow {

	@WorkflowMethod
	String process(String parcelId);

}
