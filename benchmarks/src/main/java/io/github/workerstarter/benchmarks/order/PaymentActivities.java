package io.github.workerstarter.benchmarks.order;

import java.math.BigDecimal;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface PaymentActivities {

	/**
	 * Activity type {@code ProcessPayment}.
	 * @return the payment id
	 */
	String processPayment(String orderId, String customerId, BigDecimal amount);

}
