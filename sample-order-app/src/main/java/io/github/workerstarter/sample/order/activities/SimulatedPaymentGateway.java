package io.github.workerstarter.sample.order.activities;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import io.github.workerstarter.sample.order.OrderSettings;

/**
 * Stands in for a payment provider: answers after {@code orders.payment-delay} and fails a share of attempts
 * ({@code orders.payment-failure-rate}).
 */
@Component
public class SimulatedPaymentGateway implements PaymentGateway {

	private final double failureRate;

	private final Duration delay;

	public SimulatedPaymentGateway(OrderSettings settings) {
		this.failureRate = settings.paymentFailureRate();
		this.delay = settings.paymentDelay();
	}

	@Override
	public String charge(String orderId, String customerId, BigDecimal amount) {
		waitForTheProvider();
		if (ThreadLocalRandom.current().nextDouble() < this.failureRate) {
			throw new PaymentGatewayException("payment gateway unavailable (simulated)");
		}
		return "pay-" + UUID.randomUUID();
	}

	private void waitForTheProvider() {
		if (this.delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentGatewayException("interrupted while waiting for the payment provider");
		}
	}

}
