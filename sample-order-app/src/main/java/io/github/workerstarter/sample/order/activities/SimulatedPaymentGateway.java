package io.github.workerstarter.sample.order.activities;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import io.github.workerstarter.sample.order.OrderSettings;

/** Stands in for a payment provider: fails a share of attempts ({@code orders.payment-failure-rate}). */
@Component
public class SimulatedPaymentGateway implements PaymentGateway {

	private final double failureRate;

	public SimulatedPaymentGateway(OrderSettings settings) {
		this.failureRate = settings.paymentFailureRate();
	}

	@Override
	public String charge(String orderId, String customerId, BigDecimal amount) {
		if (ThreadLocalRandom.current().nextDouble() < this.failureRate) {
			throw new PaymentGatewayException("payment gateway unavailable (simulated)");
		}
		return "pay-" + UUID.randomUUID();
	}

}
