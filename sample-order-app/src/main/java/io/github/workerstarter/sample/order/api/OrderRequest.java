package io.github.workerstarter.sample.order.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /orders}. The amount is only required here: whether it is positive is the payment step's
 * business, which rejects it as a non-retryable {@code ValidationError}.
 */
public record OrderRequest(@NotBlank String customerId, @NotBlank String item, @NotNull @Positive Integer quantity,
		@NotNull BigDecimal amount) {

}
