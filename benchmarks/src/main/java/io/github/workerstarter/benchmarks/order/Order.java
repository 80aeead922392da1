package io.github.workerstarter.benchmarks.order;

import java.math.BigDecimal;

/** An order as the workflow receives it; the order id is also the workflow id. */
public record Order(String orderId, String customerId, String item, int quantity, BigDecimal amount) {

}
