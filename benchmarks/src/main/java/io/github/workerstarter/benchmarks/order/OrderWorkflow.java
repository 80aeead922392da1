package io.github.workerstarter.benchmarks.order;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The sample's order flow without its simulated payment failures: reserve stock, take payment, record status. */
@WorkflowInterface
public interface OrderWorkflow {

	/** @return the payment id */
	@WorkflowMethod
	String processOrder(Order order);

}
