package io.github.workerstarter.sample.order.activities;

import java.math.BigDecimal;

/** The external payment system the payment activity talks to. */
public interface PaymentGateway {

	/**
	 * Charges a customer.
	 * @return the payment id
	 * @throws PaymentGatewayException when the gateway is unavailable (worth retrying)
	 */
	String charge(String orderId, String customerId, BigDecimal amount);

	/** The gateway could not take the payment this time. */
	class PaymentGatewayException extends RuntimeException {

		public PaymentGatewayException(String message) {
			super(message);
		}

	}

}
