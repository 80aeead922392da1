package io.github.workerstarter.tracing;

import java.time.Duration;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.ReadableSpan;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TemporalTracingAutoConfigurationTests {

	private static final AttributeKey<String> ACTIVITY_TYPE = AttributeKey.stringKey("temporal.activity.type");

	private static ApplicationContextRunner tracingRunner() {
		return embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
					MicrometerTracingAutoConfiguration.class, TemporalTracingAutoConfiguration.class))
			.withBean(RecordingSpanProcessor.class)
			.withPropertyValues("management.tracing.sampling.probability=1.0");
	}

	@Test
	void activitiesRunInTheTraceOfTheCallerThroughTheWorkflow() {
		tracingRunner().run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TracingWorkerInterceptor.class);
			Tracer tracer = context.getBean(Tracer.class);
			Span caller = tracer.nextSpan().name("caller").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(caller)) {
				assertThat(greet(context, "greetings", "Ada")).isEqualTo("Hello, Ada!");
			}
			finally {
				caller.end();
			}
			RecordingSpanProcessor spans = context.getBean(RecordingSpanProcessor.class);
			ReadableSpan activity = await().atMost(Duration.ofSeconds(10))
				.until(() -> find(spans.ended(), TracingWorkerInterceptor.ACTIVITY_OBSERVATION), (span) -> span != null);
			ReadableSpan start = find(spans.ended(), TracingWorkflowClientInterceptor.START_OBSERVATION);
			assertThat(start).isNotNull();
			// caller -> workflow start (client) -> activity (worker), one trace
			assertThat(start.getSpanContext().getTraceId()).isEqualTo(caller.context().traceId());
			assertThat(start.getParentSpanContext().getSpanId()).isEqualTo(caller.context().spanId());
			assertThat(activity.getSpanContext().getTraceId()).isEqualTo(caller.context().traceId());
			assertThat(activity.getParentSpanContext().getSpanId()).isEqualTo(start.getSpanContext().getSpanId());
			assertThat(activity.getName()).isEqualTo("activity GreetingCompose");
			assertThat(activity.getAttribute(ACTIVITY_TYPE)).isEqualTo("GreetingCompose");
		});
	}

	@Test
	void aWorkflowStartedWithoutATraceStartsOne() {
		tracingRunner().run((context) -> {
			greet(context, "greetings", "Ada");
			RecordingSpanProcessor spans = context.getBean(RecordingSpanProcessor.class);
			ReadableSpan activity = await().atMost(Duration.ofSeconds(10))
				.until(() -> find(spans.ended(), TracingWorkerInterceptor.ACTIVITY_OBSERVATION), (span) -> span != null);
			ReadableSpan start = find(spans.ended(), TracingWorkflowClientInterceptor.START_OBSERVATION);
			assertThat(start.getParentSpanContext().isValid()).isFalse();
			assertThat(activity.getSpanContext().getTraceId()).isEqualTo(start.getSpanContext().getTraceId());
		});
	}

	@Test
	void appendsToTheApplicationsClientInterceptorsAndPropagators() {
		tracingRunner().run((context) -> {
			WorkflowClient client = context.getBean(WorkflowClient.class);
			assertThat(client.getOptions().getContextPropagators()).hasAtLeastOneElementOfType(TraceContextPropagator.class);
			assertThat(client.getOptions().getInterceptors())
				.hasAtLeastOneElementOfType(TracingWorkflowClientInterceptor.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		tracingRunner().withPropertyValues("temporal.tracing.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TraceContextPropagator.class);
			assertThat(context.getBeansOfType(WorkerInterceptor.class).values())
				.noneMatch(TracingWorkerInterceptor.class::isInstance);
			assertThat(context.getBean(WorkflowClient.class).getOptions().getContextPropagators())
				.noneMatch(TraceContextPropagator.class::isInstance);
		});
	}

	@Test
	void backsOffWithoutATracer() {
		embeddedGreetingsRunner().withConfiguration(AutoConfigurations.of(TemporalTracingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TraceContextPropagator.class));
	}

	private static ReadableSpan find(List<ReadableSpan> spans, String observation) {
		// an observation's name is the span's "name" tag only when no contextual name is set: match by attribute
		return spans.stream()
			.filter((span) -> observation.equals(TracingWorkerInterceptor.ACTIVITY_OBSERVATION)
					? span.getAttribute(ACTIVITY_TYPE) != null
					: span.getAttribute(AttributeKey.stringKey("temporal.operation")) != null)
			.findFirst()
			.orElse(null);
	}

}
