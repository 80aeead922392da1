package io.github.workerstarter.sample.order.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Reserve stock, take payment, record the outcome. */
@WorkflowInterface
public interface OrderWorkflow {

	@WorkflowMethod
	OrderResult processOrder(Order order);

	/** The step the order is at, for {@code GET /orders/{id}} while it runs. */
	@QueryMethod
	String currentStep();

}
