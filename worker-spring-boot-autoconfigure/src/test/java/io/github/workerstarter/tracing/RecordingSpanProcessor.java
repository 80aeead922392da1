package io.github.workerstarter.tracing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/** Keeps every ended span, for assertions (Boot adds SpanProcessor beans to the tracer provider). */
public class RecordingSpanProcessor implements SpanProcessor {

	private final List<ReadableSpan> ended = new CopyOnWriteArrayList<>();

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		this.ended.add(span);
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	public List<ReadableSpan> ended() {
		return List.copyOf(this.ended);
	}

}
