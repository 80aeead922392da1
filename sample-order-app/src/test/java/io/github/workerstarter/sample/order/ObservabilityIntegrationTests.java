package io.github.workerstarter.sample.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.ReadableSpan;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.testing.Http;
import io.github.workerstarter.tracing.RecordingSpanProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's {@code /actuator/temporal} and its traces over real HTTP: the endpoint lists both workers and
 * refuses writes (the sample leaves them off); an order placed with one POST is one trace from the HTTP request
 * through the workflow into every activity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.payment-failure-rate=0", "management.tracing.sampling.probability=1.0" })
class ObservabilityIntegrationTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final AttributeKey<String> ACTIVITY_TYPE = AttributeKey.stringKey("temporal.activity.type");

	@LocalServerPort
	int port;

	@Autowired
	RecordingSpanProcessor spans;

	@Test
	void endpointListsBothWorkersWithTheirBeansAndRefusesWrites() {
		Http http = new Http(this.port);
		Http.Response response = http.get("/actuator/temporal", REQUEST_TIMEOUT);
		assertThat(response.status()).isEqualTo(200);
		JsonNode workers = response.body().get("workers");
		assertThat(workers.propertyNames()).containsExactly("order-task-queue", "payment-task-queue");
		JsonNode orders = workers.get("order-task-queue");
		assertThat(orders.get("state").asString()).isEqualTo("running");
		assertThat(orders.get("options").get("maxConcurrentActivities").asInt()).isEqualTo(200);
		assertThat(orders.get("workflows").get(0).get("type").asString()).isEqualTo("OrderWorkflow");
		assertThat(orders.get("workflows").get(0).get("bean").asString()).isEqualTo("orderWorkflowImpl");
		JsonNode payments = workers.get("payment-task-queue");
		assertThat(payments.get("workflows")).isEmpty();
		assertThat(payments.get("activities").get(0).get("type").asString()).isEqualTo("ProcessPayment");
		assertThat(payments.get("activities").get(0).get("bean").asString()).isEqualTo("paymentActivitiesImpl");

		Http.Response refused = http.post("/actuator/temporal/payment-task-queue", "{\"action\":\"suspend\"}",
				REQUEST_TIMEOUT);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.status("error")).contains("temporal.endpoint.write-operations-enabled");
		assertThat(http.get("/actuator/temporal/payment-task-queue", REQUEST_TIMEOUT).status("state"))
			.isEqualTo("running");
	}

	@Test
	void oneOrderIsOneTraceFromTheHttpRequestToEveryActivity() {
		Http http = new Http(this.port);
		Http.Response placed = http.post("/orders", """
				{"customerId":"tracing","item":"book","quantity":1,"amount":10}""", REQUEST_TIMEOUT);
		assertThat(placed.status()).isEqualTo(202);
		String orderId = placed.status("orderId");
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> http.get("/orders/" + orderId, REQUEST_TIMEOUT).status("status"),
					(status) -> !status.equals("RUNNING"));

		ReadableSpan request = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.spans.ended()
				.stream()
				.filter((span) -> span.getKind() == SpanKind.SERVER && "/orders".equals(uri(span))
						&& "POST".equals(span.getAttribute(AttributeKey.stringKey("method"))))
				.findFirst()
				.orElse(null), (span) -> span != null);
		String traceId = request.getSpanContext().getTraceId();
		Map<String, List<String>> activityTraces = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.spans.ended()
				.stream()
				.filter((span) -> span.getAttribute(ACTIVITY_TYPE) != null)
				.filter((span) -> orderId.equals(span.getAttribute(AttributeKey.stringKey("temporal.workflow.id"))))
				.collect(Collectors.groupingBy((span) -> span.getAttribute(ACTIVITY_TYPE),
						Collectors.mapping((span) -> span.getSpanContext().getTraceId(), Collectors.toList()))),
					(traces) -> traces.keySet().containsAll(List.of("ReserveStock", "ProcessPayment",
							"UpdateOrderStatus")));
		assertThat(activityTraces.values()).allSatisfy((traceIds) -> assertThat(traceIds).containsOnly(traceId));
	}

	private static String uri(ReadableSpan span) {
		return span.getAttribute(AttributeKey.stringKey("uri"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SpanRecording {

		@Bean
		RecordingSpanProcessor recordingSpanProcessor() {
			return new RecordingSpanProcessor();
		}

	}

}
