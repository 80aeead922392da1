package io.github.workerstarter.test.replay;

import org.jspecify.annotations.Nullable;

/**
 * What replaying one workflow history against the current code gave.
 *
 * @param source where the history came from: a file, or the test run that produced it
 * @param workflowId the workflow id; for an exported file, the one its history records (Temporal servers record it in
 * the started event; the SDK's test server does not, nor do the test module's recordings of older versions), empty
 * when it records none
 * @param workflowType the workflow type
 * @param outcome replayed, failed or skipped
 * @param detail for a failure, the first mismatching event and the SDK's reason; for a skip, why
 */
public record ReplayResult(String source, String workflowId, String workflowType, Outcome outcome,
		@Nullable String detail) {

	/** The source of the histories the tests produce, as the replay check after each test reads them. */
	public static final String PRODUCED_IN_THIS_RUN = "produced in this test run";

	/** How a replay ended. */
	public enum Outcome {

		/** The current code makes the same decisions the history records. */
		REPLAYED,

		/** The current code decides differently (non-determinism), or fails while replaying. */
		FAILED,

		/** No worker of this application registers the workflow type, so there is no code to replay it on. */
		SKIPPED

	}

	/**
	 * Whether the current code failed to replay the history.
	 * @return true for {@link Outcome#FAILED}
	 */
	public boolean failed() {
		return this.outcome == Outcome.FAILED;
	}

	/**
	 * One line for a failure report.
	 * @return workflow id, type, source (a file is named first, once) and what happened
	 */
	public String describe() {
		String what = (this.detail != null) ? this.detail : this.outcome.name().toLowerCase();
		if (PRODUCED_IN_THIS_RUN.equals(this.source)) {
			return "Workflow '" + this.workflowId + "' (type " + this.workflowType + ", " + this.source + "): " + what;
		}
		// a file: named once, with what its history says
		return this.source + " (" + (this.workflowId.isEmpty() ? "" : "workflow '" + this.workflowId + "', ") + "type "
				+ this.workflowType + "): " + what;
	}

}
