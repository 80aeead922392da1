package io.github.workerstarter.sample.order.workflow;

/** What a completed order workflow returns. */
public record OrderResult(String orderId, String paymentId) {

}
