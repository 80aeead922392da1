package io.github.workerstarter.sample.order.workflow;

import java.time.Duration;

import org.springframework.context.annotation.Profile;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.github.workerstarter.sample.order.OrderSettings;
import io.github.workerstarter.sample.order.activities.InventoryActivities;
import io.github.workerstarter.sample.order.activities.OrderStatusActivities;
import io.github.workerstarter.sample.order.activities.PaymentActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

/**
 * The order flow. A new instance per execution (prototype bean): the only injected value is {@link OrderSettings},
 * configuration that does not change between replays, so the code stays deterministic.
 */
@Profile("!payment-worker") // a role of the jar: see application.yml
@WorkflowImpl(taskQueues = "${ORDER_TASK_QUEUE:order-task-queue}")
public class OrderWorkflowImpl implements OrderWorkflow {

	/** Failure type the payment activity uses for bad input; never retried. */
	public static final String VALIDATION_ERROR = "ValidationError";

	private static final ActivityOptions LOCAL_STEP = ActivityOptions.newBuilder()
		.setStartToCloseTimeout(Duration.ofSeconds(10))
		.build();

	private final InventoryActivities inventory = Workflow.newActivityStub(InventoryActivities.class, LOCAL_STEP);

	private final OrderStatusActivities status = Workflow.newActivityStub(OrderStatusActivities.class, LOCAL_STEP);

	private final PaymentActivities payments;

	private final Duration dispatchDelay;

	private String step = "STARTED";

	public OrderWorkflowImpl(OrderSettings settings) {
		// the retry policy of ProcessPayment lives in application.yml (temporal.activities.ProcessPayment.retry)
		this.payments = Workflow.newActivityStub(PaymentActivities.class, ActivityOptions.newBuilder()
			.setTaskQueue(settings.paymentTaskQueue())
			.setStartToCloseTimeout(Duration.ofSeconds(10))
			.build());
		this.dispatchDelay = settings.dispatchDelay();
	}

	@Override
	public OrderResult processOrder(Order order) {
		this.step = "RESERVING_STOCK";
		this.inventory.reserveStock(order.orderId(), order.item(), order.quantity());
		this.step = "PROCESSING_PAYMENT";
		String paymentId;
		try {
			paymentId = this.payments.processPayment(order.orderId(), order.customerId(), order.amount());
		}
		catch (ActivityFailure failure) {
			this.step = "PAYMENT_FAILED";
			this.status.updateOrderStatus(order.orderId(), this.step);
			throw ApplicationFailure.newNonRetryableFailureWithCause("Payment failed: " + reason(failure),
					"PaymentFailed", failure);
		}
		if (!this.dispatchDelay.isZero()) {
			// a durable timer: the order survives restarts while it waits
			this.step = "AWAITING_DISPATCH";
			Workflow.sleep(this.dispatchDelay);
		}
		this.step = "COMPLETED";
		this.status.updateOrderStatus(order.orderId(), this.step);
		return new OrderResult(order.orderId(), paymentId);
	}

	@Override
	public String currentStep() {
		return this.step;
	}

	private static String reason(ActivityFailure failure) {
		return (failure.getCause() instanceof ApplicationFailure cause) ? cause.getOriginalMessage()
				: failure.getMessage();
	}

}
