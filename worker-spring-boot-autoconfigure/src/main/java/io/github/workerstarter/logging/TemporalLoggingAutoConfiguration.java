package io.github.workerstarter.logging;

import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.temporal.worker.WorkerFactory;

/**
 * Completes the SLF4J MDC of workflow code with the fields the SDK does not set (see
 * {@link WorkflowMdcInterceptor}), so Boot's structured logging ({@code logging.structured.format.console=ecs} or
 * {@code logstash}) writes them as fields. Switched off with {@code temporal.logging.mdc.enabled=false}.
 */
@AutoConfiguration(before = TemporalWorkerAutoConfiguration.class)
@ConditionalOnClass({ WorkerFactory.class, MDC.class })
@ConditionalOnBooleanProperty(name = "temporal.logging.mdc.enabled", matchIfMissing = true)
public final class TemporalLoggingAutoConfiguration {

	// a WorkerInterceptor bean: the worker factory picks up every one of them, in @Order
	@Bean
	@ConditionalOnMissingBean
	WorkflowMdcInterceptor temporalWorkflowMdcInterceptor() {
		return new WorkflowMdcInterceptor();
	}

}
