package io.github.workerstarter.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns a {@link WorkerConfigurationException} anywhere in a startup failure's causes into Boot's
 * "APPLICATION FAILED TO START" report instead of a stack trace. Ordered first, so a mistake found while binding
 * {@code temporal.*} shows our description and action rather than Boot's generic binding report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkerConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WorkerConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WorkerConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
