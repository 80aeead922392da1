package io.github.workerstarter.sample.order;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.github.workerstarter.determinism.DeterminismCheckMode;
import io.github.workerstarter.determinism.DeterminismReport;
import io.github.workerstarter.determinism.WorkflowDeterminismGuard;
import io.github.workerstarter.sample.order.activities.OrderStatusActivitiesImpl;
import io.github.workerstarter.sample.order.activities.PaymentGateway;
import io.github.workerstarter.sample.order.workflow.Order;
import io.github.workerstarter.sample.order.workflow.OrderWorkflow;
import io.github.workerstarter.sample.order.workflow.OrderWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample end to end: real HTTP into the REST API, real workflows on the embedded Temporal server, both workers
 * (orders and payments) polling their own queues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "orders.payment-failure-rate=0", "spring.lifecycle.timeout-per-shutdown-phase=30s" })
class OrderFlowIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	WorkflowClient client;

	@Autowired
	FlakyGateway gateway;

	@Autowired
	OrderStatusActivitiesImpl statusStore;

	@Autowired
	WorkflowDeterminismGuard determinism;

	@Test
	void theDeterminismCheckFindsNothingInTheOrderWorkflow() {
		// under the test module the check fails the context on a finding; here it ran on the whole application
		assertThat(this.determinism.mode()).isEqualTo(DeterminismCheckMode.FAIL);
		DeterminismReport.WorkflowResult order = this.determinism.report()
			.orElseThrow()
			.of(OrderWorkflowImpl.class)
			.orElseThrow();
		assertThat(order.findings()).isEmpty();
		assertThat(order.allowed()).isEmpty();
		assertThat(order.methodsVisited()).isGreaterThan(1);
	}

	@Test
	void orderFlowsThroughBothQueuesAndCompletes() throws Exception {
		String orderId = placeOrder("ada", "42.50");

		JsonNode order = awaitEnd(orderId);
		assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(order.get("paymentId").asString()).startsWith("pay-");
		assertThat(this.statusStore.recordedStatus(orderId)).hasValue("COMPLETED");
		// each activity ran on the queue of its worker: payments on their own activity-only worker
		assertThat(history(orderId).scheduledActivities()).containsExactly(Map.entry("ReserveStock", "order-task-queue"),
				Map.entry("ProcessPayment", "payment-task-queue"), Map.entry("UpdateOrderStatus", "order-task-queue"));
	}

	@Test
	void paymentThatFailsFirstSucceedsOnRetry() throws Exception {
		String orderId = placeOrder("flaky-bob", "10");

		JsonNode order = awaitEnd(orderId);
		assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(this.gateway.calls(orderId)).isEqualTo(2);
		assertThat(history(orderId).attempt("ProcessPayment")).isEqualTo(2);
		// the retry policy came from application.yml (temporal.activities.ProcessPayment.retry)
		var retry = history(orderId).retryPolicy("ProcessPayment");
		assertThat(retry.getMaximumAttempts()).isEqualTo(5);
		assertThat(retry.getBackoffCoefficient()).isEqualTo(2.0);
		assertThat(retry.getNonRetryableErrorTypesList()).containsExactly("ValidationError");
	}

	@Test
	void nonPositiveAmountFailsTheOrderWithoutRetry() throws Exception {
		String orderId = placeOrder("cy", "-5");

		JsonNode order = awaitEnd(orderId);
		assertThat(order.get("status").asString()).isEqualTo("FAILED");
		assertThat(order.get("reason").asString()).isEqualTo("Payment failed: amount must be positive, was -5");
		assertThat(history(orderId).attempt("ProcessPayment")).isEqualTo(1);
		assertThat(this.gateway.calls(orderId)).isZero();
		assertThat(this.statusStore.recordedStatus(orderId)).hasValue("PAYMENT_FAILED");
	}

	@Test
	void invalidBodyIsRejectedNamingTheFields() throws Exception {
		HttpResponse<String> response = post("/orders", "{\"item\":\"book\",\"quantity\":0}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("errors").propertyNames()).containsExactlyInAnyOrder("customerId", "quantity", "amount");
		assertThat(body.get("errors").get("quantity").asString()).isEqualTo("must be greater than 0");

		HttpResponse<String> malformed = post("/orders", "{\"item\":");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json.readTree(malformed.body()).get("detail").asString())
			.startsWith("Request body is not a valid order: malformed JSON at line 1");
	}

	@Test
	void fractionalQuantityIsRejectedNotTruncatedAndErrorsNameNoJavaTypes() throws Exception {
		HttpResponse<String> response = post("/orders",
				"{\"customerId\":\"c\",\"item\":\"book\",\"quantity\":1.5,\"amount\":3}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("errors").get("quantity").asString()).isEqualTo("must be a whole number");
		assertThat(response.body()).doesNotContain("java.", "Integer", "Exception", "jackson", "OrderRequest");
	}

	@Test
	void unknownOrderIsNotFound() throws Exception {
		HttpResponse<String> response = get("/orders/order-does-not-exist");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).get("detail").asString())
			.isEqualTo("No order with id order-does-not-exist");
	}

	@Test
	void stepOfAnOrderNoWorkerAnswersForIsLeftOutAfterTheQueryTimeout() throws Exception {
		// as an order whose worker died looks to the server: running, and no worker to answer its query
		OrderWorkflow order = this.client.newWorkflowStub(OrderWorkflow.class, WorkflowOptions.newBuilder()
			.setTaskQueue("no-worker-polls-this")
			.setWorkflowId("order-without-worker")
			.build());
		WorkflowClient.start(order::processOrder,
				new Order("order-without-worker", "c", "book", 1, new BigDecimal("3")));

		HttpResponse<String> response = get("/orders/order-without-worker");

		// answered after orders.step-query-timeout (2 s), not after the server's minute
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).propertyNames()).containsExactly("orderId", "status");
		assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("RUNNING");
	}

	@Test
	void healthAnswersOverHttp() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
	}

	private String placeOrder(String customer, String amount) throws Exception {
		HttpResponse<String> response = post("/orders", """
				{"customerId":"%s","item":"book","quantity":2,"amount":%s}""".formatted(customer, amount));
		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = json.readTree(response.body());
		String orderId = body.get("orderId").asString();
		assertThat(response.headers().firstValue("Location")).hasValue("/orders/" + orderId);
		return orderId;
	}

	private JsonNode awaitEnd(String orderId) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			HttpResponse<String> response = get("/orders/" + orderId);
			assertThat(response.statusCode()).isEqualTo(200);
			return json.readTree(response.body());
		}, (order) -> !order.get("status").asString().equals("RUNNING"));
	}

	private OrderHistory history(String orderId) {
		return new OrderHistory(this.client.fetchHistory(orderId).getEvents());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * The payment provider for these tests: the first attempt for a customer named {@code flaky-*} fails with the
	 * retryable gateway error, every other attempt succeeds.
	 */
	static class FlakyGateway implements PaymentGateway {

		private final Map<String, AtomicInteger> callsByOrder = new ConcurrentHashMap<>();

		@Override
		public String charge(String orderId, String customerId, BigDecimal amount) {
			int call = this.callsByOrder.computeIfAbsent(orderId, (id) -> new AtomicInteger()).incrementAndGet();
			if (customerId.startsWith("flaky-") && call == 1) {
				throw new PaymentGatewayException("gateway timeout (test)");
			}
			return "pay-" + orderId;
		}

		int calls(String orderId) {
			AtomicInteger calls = this.callsByOrder.get(orderId);
			return (calls != null) ? calls.get() : 0;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GatewayConfiguration {

		@Bean
		@Primary
		FlakyGateway flakyGateway() {
			return new FlakyGateway();
		}

	}

}
