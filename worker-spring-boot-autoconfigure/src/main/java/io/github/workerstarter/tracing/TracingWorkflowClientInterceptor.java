package io.github.workerstarter.tracing;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;

/**
 * Observes workflow starts from the client ({@code temporal.workflow.start}): the span is a child of the caller's
 * (an HTTP request, a message listener) and is the current span while the start request is built, so
 * {@link TraceContextPropagator} writes it into the workflow's headers.
 */
public class TracingWorkflowClientInterceptor extends WorkflowClientInterceptorBase {

	/** Name of the workflow start observation. */
	public static final String START_OBSERVATION = "temporal.workflow.start";

	private final ObservationRegistry registry;

	public TracingWorkflowClientInterceptor(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
		return new WorkflowClientCallsInterceptorBase(super.workflowClientCallsInterceptor(next)) {

			@Override
			public WorkflowStartOutput start(WorkflowStartInput input) {
				return observe("start", input.getWorkflowType(), input.getOptions().getTaskQueue(),
						input.getWorkflowId(), () -> super.start(input));
			}

			@Override
			public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
				WorkflowStartInput start = input.getWorkflowStartInput();
				return observe("signalWithStart", start.getWorkflowType(), start.getOptions().getTaskQueue(),
						start.getWorkflowId(), () -> super.signalWithStart(input));
			}

		};
	}

	private <T> T observe(String operation, String workflowType, String taskQueue, String workflowId,
			Supplier<T> call) {
		return Observation.createNotStarted(START_OBSERVATION, this.registry)
			.contextualName(operation + " " + workflowType)
			.lowCardinalityKeyValue("temporal.operation", operation)
			.lowCardinalityKeyValue("temporal.workflow.type", workflowType)
			.lowCardinalityKeyValue("temporal.task.queue", String.valueOf(taskQueue))
			.highCardinalityKeyValue("temporal.workflow.id", workflowId)
			.observe(call);
	}

}
