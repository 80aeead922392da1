package io.github.workerstarter.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link WorkerConfigurationException} anywhere in a startup failure's causes into Boot's
 * "APPLICATION FAILED TO START" report instead of a stack trace.
 */
class WorkerConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WorkerConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WorkerConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
