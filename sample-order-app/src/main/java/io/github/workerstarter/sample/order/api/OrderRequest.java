package io.github.workerstarter.sample.order.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /orders}. Every field is bounded, so an order always fits in a Temporal payload. The amount is
 * only required here: whether it is positive is the payment step's business, which rejects it as a non-retryable
 * {@code ValidationError}.
 */
public record OrderRequest(@NotBlank @Size(max = 64) @Pattern(regexp = VISIBLE, message = VISIBLE_MESSAGE) String customerId,
		@NotBlank @Size(max = 200) @Pattern(regexp = VISIBLE, message = VISIBLE_MESSAGE) String item,
		@NotNull @Positive @Max(10_000) Integer quantity, @NotNull @Digits(integer = 9, fraction = 2) BigDecimal amount) {

	/** No control characters (Unicode Cc) and no invisible format characters (Cf: bidi overrides, zero widths). */
	static final String VISIBLE = "[^\\p{Cc}\\p{Cf}]*";

	static final String VISIBLE_MESSAGE = "must not contain control or invisible formatting characters";

}
