package io.github.workerstarter.benchmarks.order;

import java.time.Duration;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * Registered by the starter through the annotation and by the raw variant with
 * {@code registerWorkflowImplementationTypes}, so it keeps a no-argument constructor. The payment queue is derived
 * from the workflow's own queue ({@link OrderQueues}), which keeps every run on queues of its own.
 */
@WorkflowImpl(taskQueues = "${bench.queue}")
public class OrderWorkflowImpl implements OrderWorkflow {

	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

	private final InventoryActivities inventory = Workflow.newActivityStub(InventoryActivities.class,
			ActivityOptions.newBuilder().setStartToCloseTimeout(STEP_TIMEOUT).build());

	private final PaymentActivities payments = Workflow.newActivityStub(PaymentActivities.class,
			ActivityOptions.newBuilder()
				.setTaskQueue(OrderQueues.paymentQueue(Workflow.getInfo().getTaskQueue()))
				.setStartToCloseTimeout(STEP_TIMEOUT)
				.build());

	private final OrderStatusActivities status = Workflow.newActivityStub(OrderStatusActivities.class,
			ActivityOptions.newBuilder().setStartToCloseTimeout(STEP_TIMEOUT).build());

	@Override
	public String processOrder(Order order) {
		this.inventory.reserveStock(order.orderId(), order.item(), order.quantity());
		String paymentId = this.payments.processPayment(order.orderId(), order.customerId(), order.amount());
		this.status.updateOrderStatus(order.orderId(), "COMPLETED");
		return paymentId;
	}

}
