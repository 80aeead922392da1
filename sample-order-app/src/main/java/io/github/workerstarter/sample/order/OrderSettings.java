package io.github.workerstarter.sample.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Sample settings, bound from {@code orders.*}.
 *
 * @param paymentTaskQueue task queue of the payment worker, where the workflow sends ProcessPayment.
 * @param paymentFailureRate share of payment attempts the simulated gateway fails with a retryable error.
 * @param paymentDelay how long the simulated gateway takes to answer.
 * @param dispatchDelay how long a paid order waits for dispatch (a durable timer) before it is COMPLETED; 0s
 * completes at once.
 * @param stepQueryTimeout how long {@code GET /orders/{id}} waits for a running order's step (a query, answered by a
 * worker) before it answers with the status alone.
 * @param maxRequestSize largest request body accepted; larger ones are answered 413.
 * @param retryAfter what a 503 (Temporal unreachable) tells clients to wait before trying again.
 */
@ConfigurationProperties("orders")
public record OrderSettings(@DefaultValue("payment-task-queue") String paymentTaskQueue,
		@DefaultValue("0.5") double paymentFailureRate, @DefaultValue("0s") Duration paymentDelay,
		@DefaultValue("0s") Duration dispatchDelay, @DefaultValue("2s") Duration stepQueryTimeout,
		@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("5s") Duration retryAfter) {

}
