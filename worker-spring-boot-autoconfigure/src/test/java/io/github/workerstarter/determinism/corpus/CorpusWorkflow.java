package io.github.workerstarter.determinism.corpus;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The workflow interface every class of the corpus implements. */
@WorkflowInterface
public interface CorpusWorkflow {

	@WorkflowMethod
	String run(String input);

	/** A signal: its handler is workflow code too (most corpus classes leave it empty). */
	@SignalMethod
	default void nudge(String note) {
	}

}
