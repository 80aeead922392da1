package io.github.workerstarter.tracing;

import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Observes every activity execution ({@code temporal.activity.execute}) as a child of the trace context that came
 * in the activity's Temporal headers ({@link TraceContextPropagator}), so the span of an activity belongs to the
 * trace of the request that started its workflow, and code in the activity runs with it as the current span.
 *
 * <p>Workflow executions get no span of their own: workflow code is replayed (after a restart, a cache eviction,
 * on another worker), and a span opened there would be emitted again on each replay with a wrong duration. The
 * context passes through workflows untouched instead.
 */
public class TracingWorkerInterceptor extends WorkerInterceptorBase {

	/** Name of the activity observation (and of its Micrometer timer, through Boot's meter handler). */
	public static final String ACTIVITY_OBSERVATION = "temporal.activity.execute";

	private final ObservationRegistry registry;

	private final TraceContextPropagator propagator;

	public TracingWorkerInterceptor(ObservationRegistry registry, TraceContextPropagator propagator) {
		this.registry = registry;
		this.propagator = propagator;
	}

	@Override
	public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
		return new ActivityInboundCallsInterceptorBase(next) {

			private ActivityInfo info;

			@Override
			public void init(ActivityExecutionContext context) {
				this.info = context.getInfo();
				super.init(context);
			}

			@Override
			public ActivityOutput execute(ActivityInput input) {
				ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.CONSUMER);
				context.setCarrier(TracingWorkerInterceptor.this.propagator.fields(input.getHeader().getValues()));
				Observation observation = Observation
					.createNotStarted(ACTIVITY_OBSERVATION, () -> context, TracingWorkerInterceptor.this.registry)
					.contextualName("activity " + this.info.getActivityType())
					.lowCardinalityKeyValue("temporal.activity.type", this.info.getActivityType())
					.lowCardinalityKeyValue("temporal.task.queue", this.info.getActivityTaskQueue())
					.lowCardinalityKeyValue("temporal.workflow.type", String.valueOf(this.info.getWorkflowType()))
					.lowCardinalityKeyValue("temporal.namespace", this.info.getNamespace())
					.highCardinalityKeyValue("temporal.workflow.id", this.info.getWorkflowId())
					.highCardinalityKeyValue("temporal.activity.id", this.info.getActivityId())
					.highCardinalityKeyValue("temporal.attempt", String.valueOf(this.info.getAttempt()));
				return observation.observe(() -> super.execute(input));
			}

		};
	}

}
