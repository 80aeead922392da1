package io.github.workerstarter.connection;

import org.jspecify.annotations.Nullable;

/**
 * A call of the application's {@code WorkflowClient} did not reach the Temporal server: the connection was down when
 * it was made, or the server did not answer within {@code temporal.client.call-timeout}. Nothing was done on the
 * server's side that the caller can rely on; trying again later is safe for idempotent calls (a workflow start with
 * the same workflow id is). A web application answers it with {@code 503 Service Unavailable} and a
 * {@code Retry-After}. The SDK wraps it (a failed start is a {@code WorkflowServiceException} with this as its cause);
 * Spring MVC's {@code @ExceptionHandler(TemporalUnavailableException.class)} matches causes too.
 */
public class TemporalUnavailableException extends RuntimeException {

	private final String target;

	private final String operation;

	public TemporalUnavailableException(String target, String operation, String reason, @Nullable Throwable cause) {
		super("Temporal server at " + target + " unavailable for " + operation + ": " + reason, cause);
		this.target = target;
		this.operation = operation;
	}

	/** The server the call was for (temporal.target). */
	public String target() {
		return this.target;
	}

	/** The client call, e.g. {@code start} or {@code query}. */
	public String operation() {
		return this.operation;
	}

}
