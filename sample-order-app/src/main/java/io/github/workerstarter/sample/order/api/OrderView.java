package io.github.workerstarter.sample.order.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code GET /orders/{id}}.
 *
 * @param orderId the order (and workflow) id
 * @param status RUNNING, COMPLETED or FAILED (other Temporal end states as their name)
 * @param step while running, the step the workflow reports
 * @param paymentId when completed
 * @param reason when failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String orderId, String status, String step, String paymentId, String reason) {

}
