package io.github.workerstarter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the starter's determinism check that the code of this method (or of every method of this class, or this
 * constructor) is deterministic on purpose, or replay-safe for a reason the check cannot see: its findings, and those
 * of everything reached only through it, are allowed. They are still listed, with the reason, under the workflow in
 * {@code /actuator/temporal}, and do not fail startup in {@code temporal.workflows.determinism-check=fail} mode.
 *
 * <pre class="code">
 * &#64;AllowNondeterminism(reason = "the time only goes into a log line, never into a decision")
 * private void logProgress(String step) { ... }
 * </pre>
 *
 * <p>Prefer a small method for the allowed call, so the rest of the workflow stays checked. To allow an API
 * everywhere, or code you cannot annotate, list it in {@code temporal.workflows.determinism-allowed}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AllowNondeterminism {

	/**
	 * Why this code is safe to replay, for the next reader (and shown with the allowed findings). Required; a blank
	 * reason allows nothing.
	 * @return the reason
	 */
	String reason();

}
