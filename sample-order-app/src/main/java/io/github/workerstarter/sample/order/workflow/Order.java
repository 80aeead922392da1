package io.github.workerstarter.sample.order.workflow;

import java.math.BigDecimal;

/** An order as the workflow receives it. The order id is also the workflow id. */
public record Order(String orderId, String customerId, String item, int quantity, BigDecimal amount) {

}
