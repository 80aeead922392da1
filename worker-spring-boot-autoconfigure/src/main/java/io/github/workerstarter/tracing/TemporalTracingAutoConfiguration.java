package io.github.workerstarter.tracing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.connection.WorkflowClientOptionsCustomizer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.interceptors.WorkflowClientInterceptor;

/**
 * Traces through Temporal with Micrometer Tracing: the trace context of the caller travels in Temporal headers
 * ({@link TraceContextPropagator}) through the workflow into its activities; workflow starts
 * ({@link TracingWorkflowClientInterceptor}) and activity executions ({@link TracingWorkerInterceptor}) are
 * observed. Needs the tracer, propagator and observation registry that Boot's tracing auto-configuration defines
 * (e.g. with {@code micrometer-tracing-bridge-otel}); off with {@code temporal.tracing.enabled=false}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" })
@ConditionalOnClass({ Tracer.class, Propagator.class, ObservationRegistry.class, WorkflowClient.class })
@ConditionalOnBean({ Tracer.class, Propagator.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "temporal.tracing.enabled", matchIfMissing = true)
public final class TemporalTracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TraceContextPropagator temporalTraceContextPropagator(Tracer tracer, Propagator propagator) {
		return new TraceContextPropagator(tracer, propagator);
	}

	// a WorkerInterceptor bean: the worker factory picks up every one of them, in @Order
	@Bean
	@ConditionalOnMissingBean
	TracingWorkerInterceptor temporalTracingWorkerInterceptor(ObservationRegistry registry,
			TraceContextPropagator propagator) {
		return new TracingWorkerInterceptor(registry, propagator);
	}

	@Bean
	@ConditionalOnMissingBean(name = "temporalTracingClientCustomizer")
	WorkflowClientOptionsCustomizer temporalTracingClientCustomizer(ObservationRegistry registry,
			TraceContextPropagator propagator) {
		return (builder) -> {
			// appended to what is there: the application's propagators and interceptors stay
			WorkflowClientOptions current = builder.build();
			List<ContextPropagator> propagators = new ArrayList<>();
			if (current.getContextPropagators() != null) {
				propagators.addAll(current.getContextPropagators());
			}
			propagators.add(propagator);
			List<WorkflowClientInterceptor> interceptors = new ArrayList<>();
			if (current.getInterceptors() != null) {
				interceptors.addAll(Arrays.asList(current.getInterceptors()));
			}
			interceptors.add(new TracingWorkflowClientInterceptor(registry));
			builder.setContextPropagators(propagators)
				.setInterceptors(interceptors.toArray(WorkflowClientInterceptor[]::new));
		};
	}

}
