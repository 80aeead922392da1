package io.github.workerstarter.sample.order.api;

import java.math.BigDecimal;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, in the client's terms: the field and what it must be, or where the JSON is
 * broken. Jackson's own messages name Java types and classes, which are none of the client's business.
 *
 * @param field the field at fault, when there is one
 * @param message what is wrong
 */
record UnreadableBody(@Nullable String field, String message) {

	static UnreadableBody of(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return of(jackson);
			}
		}
		return new UnreadableBody(null, "the body is missing or unreadable");
	}

	private static UnreadableBody of(JacksonException ex) {
		String field = path(ex);
		if (ex instanceof MismatchedInputException mismatch) {
			return (field != null) ? new UnreadableBody(field, expected(mismatch.getTargetType()))
					: new UnreadableBody(null, "the body must be a JSON object");
		}
		if (ex instanceof InputCoercionException coercion) {
			return new UnreadableBody(field, "is out of range for " + expected(coercion.getTargetType()).replace("must be ", ""));
		}
		if (ex instanceof StreamReadException) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
			return new UnreadableBody(null, "malformed JSON" + where);
		}
		return new UnreadableBody(field, (field != null) ? "has the wrong type" : "the body is not an order");
	}

	private static @Nullable String path(JacksonException ex) {
		if (ex.getPath().isEmpty()) {
			return null;
		}
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "must be a whole number";
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class) {
			return "must be a number";
		}
		if (type == String.class) {
			return "must be a string";
		}
		return "has the wrong type";
	}

}
