package io.github.workerstarter.sample.order.activities;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;

import io.github.workerstarter.annotation.ActivityImpl;
import io.github.workerstarter.sample.order.workflow.OrderWorkflowImpl;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/**
 * Runs on the payment worker only. A gateway outage is retried by Temporal (see the workflow's retry policy); a
 * non-positive amount is a {@code ValidationError}, which is never retried.
 */
@Profile("!order-service") // a role of the jar: see application.yml
@ActivityImpl(taskQueues = "${orders.payment-task-queue}")
public class PaymentActivitiesImpl implements PaymentActivities {

	private static final Logger logger = LoggerFactory.getLogger(PaymentActivitiesImpl.class);

	private final PaymentGateway gateway;

	public PaymentActivitiesImpl(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	public String processPayment(String orderId, String customerId, BigDecimal amount) {
		if (amount == null || amount.signum() <= 0) {
			throw ApplicationFailure.newNonRetryableFailure("amount must be positive, was " + amount,
					OrderWorkflowImpl.VALIDATION_ERROR);
		}
		int attempt = Activity.getExecutionContext().getInfo().getAttempt();
		try {
			String paymentId = this.gateway.charge(orderId, customerId, amount);
			logger.info("Charged {} to {} for {} on attempt {}", amount, customerId, orderId, attempt);
			return paymentId;
		}
		catch (PaymentGateway.PaymentGatewayException ex) {
			logger.info("Payment for {} failed on attempt {}: {}", orderId, attempt, ex.getMessage());
			throw ApplicationFailure.newFailure(ex.getMessage(), "PaymentGatewayError");
		}
	}

}
