package io.github.workerstarter.benchmarks.order;

import java.math.BigDecimal;

import io.github.workerstarter.annotation.ActivityImpl;

/** Runs on the activity-only payment worker; never fails, so every workflow costs the same three activities. */
@ActivityImpl(taskQueues = "${bench.queue}-payment")
public class PaymentActivitiesImpl implements PaymentActivities {

	@Override
	public String processPayment(String orderId, String customerId, BigDecimal amount) {
		return "pay-" + orderId;
	}

}
