package io.github.workerstarter.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;

/**
 * Carries the current trace context (W3C {@code traceparent}, {@code tracestate} and {@code baggage} with the
 * OpenTelemetry bridge, whatever fields the application's Micrometer {@link Propagator} uses) in Temporal headers.
 *
 * <p>On a client thread it writes the current span's context into the headers of a workflow start (or signal,
 * query, update). The SDK hands the headers to the workflow, from the workflow to the activities and child
 * workflows it schedules, and to activity threads, where {@link TracingWorkerInterceptor} opens a span as child of
 * the context. On workflow threads there is no current span: what the workflow received is passed on unchanged, so
 * the propagation is deterministic and replay-safe (it reads nothing but the workflow's own history).
 */
public class TraceContextPropagator implements ContextPropagator {

	private static final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

	private final Tracer tracer;

	private final Propagator propagator;

	private final ThreadLocal<Map<String, String>> received = new ThreadLocal<>();

	public TraceContextPropagator(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public String getName() {
		return "micrometer-tracing";
	}

	@Override
	public Object getCurrentContext() {
		Span current = this.tracer.currentSpan();
		if (current != null) {
			Map<String, String> fields = new LinkedHashMap<>();
			this.propagator.inject(current.context(), fields, Map::put);
			return fields;
		}
		Map<String, String> fields = this.received.get();
		return (fields != null) ? fields : Map.of();
	}

	@Override
	public void setCurrentContext(Object context) {
		@SuppressWarnings("unchecked")
		Map<String, String> fields = (Map<String, String>) context;
		if (fields == null || fields.isEmpty()) {
			this.received.remove();
		}
		else {
			this.received.set(fields);
		}
	}

	@Override
	public Map<String, Payload> serializeContext(Object context) {
		@SuppressWarnings("unchecked")
		Map<String, String> fields = (Map<String, String>) context;
		Map<String, Payload> payloads = new LinkedHashMap<>();
		fields.forEach((key, value) -> converter.toPayload(value).ifPresent((payload) -> payloads.put(key, payload)));
		return payloads;
	}

	@Override
	public Object deserializeContext(Map<String, Payload> header) {
		return fields(header);
	}

	/**
	 * The trace fields of a header, the propagator's fields only (a header also holds other propagators' entries).
	 * @param header a Temporal header
	 * @return the fields found, possibly none
	 */
	public Map<String, String> fields(Map<String, Payload> header) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : this.propagator.fields()) {
			Payload payload = header.get(field);
			if (payload != null) {
				fields.put(field, converter.fromPayload(payload, String.class, String.class));
			}
		}
		return fields;
	}

}
