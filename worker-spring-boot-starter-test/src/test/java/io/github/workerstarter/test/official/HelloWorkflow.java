package io.github.workerstarter.test.official;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
public interface HelloWorkflow {

	@WorkflowMethod
	String sayHello(Person person);

}
