package io.github.workerstarter.test.replay;

import org.jspecify.annotations.Nullable;

/**
 * What replaying one workflow history against the current code gave.
 *
 * @param source where the history came from: a file, or the test run that produced it
 * @param workflowId the workflow id (for an exported file, the file's name: exports do not carry the id)
 * @param workflowType the workflow type
 * @param outcome replayed, failed or skipped
 * @param detail for a failure, the first mismatching event and the SDK's reason; for a skip, why
 */
public record ReplayResult(String source, String workflowId, String workflowType, Outcome outcome,
		@Nullable String detail) {

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
	 * @return workflow id, type, source and what happened
	 */
	public String describe() {
		return "Workflow '" + this.workflowId + "' (type " + this.workflowType + ", " + this.source + "): "
				+ ((this.detail != null) ? this.detail : this.outcome.name().toLowerCase());
	}

}
