package io.github.workerstarter.sample.order;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.util.Durations;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.testing.TaskQueueStatsServer;
import io.github.workerstarter.testing.TaskQueueStatsServerConfiguration;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueueStats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Temporal metrics as Prometheus sees them: orders placed over HTTP, the SDK's metrics scraped from
 * {@code /actuator/prometheus} over HTTP, and the names the ops/ dashboard and alert rules query checked against
 * that scrape. The SDK's test server does not answer DescribeTaskQueue, so a real gRPC server in front of it
 * ({@link TaskQueueStatsServer}) answers that one call with known stats, for the backlog gauges; so the application runs
 * on {@code temporal.target=embedded} rather than the test module's environment, whose server cannot be fronted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "temporal.test.environment.enabled=false", "orders.payment-failure-rate=0",
				"temporal.metrics.report-interval=200ms",
				"temporal.scaling.backlog.interval=500ms", "temporal.scaling.backlog.timeout=500ms" })
@Import(TaskQueueStatsServerConfiguration.class)
class PrometheusScrapeIntegrationTests {

	private static final int ORDERS = 4;

	private static final Path OPS = Path.of("ops");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern METRIC_NAME = Pattern.compile("\\btemporal_[a-z0-9_]+");

	private static final Pattern BUCKET_BOUND = Pattern.compile("(temporal_[a-z0-9_]+_bucket)\\{[^}]*le=\"([^\"]+)\"");

	// one batch of orders for the whole class, whichever test runs first
	private static boolean ordersPlaced;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TaskQueueStatsServer taskQueueStats;

	@Test
	void completedOrdersAndActivityLatenciesAreInTheScrape() throws Exception {
		placeOrdersOnce();

		List<Sample> scrape = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(this::scrape, (samples) -> value(samples, "temporal_workflow_completed_total",
					Map.of("task_queue", "order-task-queue", "workflow_type", "OrderWorkflow")) == ORDERS);
		// the order with a negative amount: one non-retryable payment failure, one failed workflow
		assertThat(value(scrape, "temporal_workflow_failed_total", Map.of("task_queue", "order-task-queue")))
			.isEqualTo(1);
		assertThat(value(scrape, "temporal_activity_execution_failed_total",
				Map.of("activity_type", "ProcessPayment", "task_queue", "payment-task-queue")))
			.isEqualTo(1);
		// every order ran each activity once (no payment retries with a failure rate of 0), on its worker's queue
		Map<String, String> queueByActivity = Map.of("ReserveStock", "order-task-queue", "ProcessPayment",
				"payment-task-queue", "UpdateOrderStatus", "order-task-queue");
		queueByActivity.forEach((activity, queue) -> {
			Map<String, String> labels = Map.of("activity_type", activity, "task_queue", queue, "namespace", "default");
			assertThat(value(scrape, "temporal_activity_execution_latency_seconds_count", labels)).as(activity)
				.isEqualTo(ORDERS + 1);
			assertThat(value(scrape, "temporal_activity_execution_latency_seconds_sum", labels)).as(activity)
				.isPositive();
			assertThat(value(scrape, "temporal_activity_schedule_to_start_latency_seconds_count", labels))
				.as(activity)
				.isEqualTo(ORDERS + 1);
		});
		// the starter's worker gauges, per worker
		for (String queue : List.of("order-task-queue", "payment-task-queue")) {
			Map<String, String> worker = Map.of("task_queue", queue, "namespace", "default");
			assertThat(value(scrape, "temporal_worker_state", Map.of("task_queue", queue, "state", "running")))
				.as(queue)
				.isEqualTo(1);
			assertThat(value(scrape, "temporal_worker_state", worker)).as(queue).isEqualTo(1);
			assertThat(value(scrape, "temporal_worker_suspended", worker)).as(queue).isZero();
			assertThat(scrape).as(queue)
				.anyMatch((sample) -> sample.name().equals("temporal_worker_activities_in_flight")
						&& sample.labels().entrySet().containsAll(worker.entrySet()));
		}
		// temporal.metrics.histograms=false: no bucket series but the few the sample asks for
		assertThat(names(scrape)).noneMatch((name) -> name.startsWith("temporal_activity_execution_latency")
				&& name.endsWith("_bucket"));
	}

	@Test
	void everyMetricTheDashboardAndAlertsQueryIsInTheScrape() throws Exception {
		Set<String> queried = new TreeSet<>();
		List<String> expressions = new ArrayList<>(dashboardExpressions());
		expressions.addAll(alertExpressions());
		expressions.forEach((expression) -> queried.addAll(find(METRIC_NAME, expression, 0)));
		assertThat(queried).contains("temporal_activity_schedule_to_start_latency_seconds_bucket",
				"temporal_workflow_task_queue_poll_succeed_total", "temporal_activity_execution_failed_total");

		placeOrdersOnce();
		// gauges and counters reach the registry on the report interval
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(names(scrape())).containsAll(queried));
		List<Sample> scrape = scrape();
		// and the bucket boundaries they read exist
		for (String expression : expressions) {
			Matcher bound = BUCKET_BOUND.matcher(expression);
			while (bound.find()) {
				assertThat(scrape).as("%s with le=%s", bound.group(1), bound.group(2))
					.anyMatch((sample) -> sample.name().equals(bound.group(1))
							&& Double.parseDouble(sample.labels().get("le")) == Double.parseDouble(bound.group(2)));
			}
		}
	}

	@Test
	void scalingSignalsAreInTheScrape() throws Exception {
		this.taskQueueStats.answer("payment-task-queue", TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
				TaskQueueStats.newBuilder()
					.setApproximateBacklogCount(42)
					.setApproximateBacklogAge(Durations.fromSeconds(90))
					.setTasksAddRate(12)
					.setTasksDispatchRate(4)
					.build());
		Map<String, String> payments = Map.of("namespace", "default", "task_queue", "payment-task-queue",
				"task_queue_type", "activity");
		List<Sample> scrape = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(this::scrape, (samples) -> value(samples, "temporal_task_queue_backlog_count", payments) == 42);
		assertThat(value(scrape, "temporal_task_queue_backlog_age_seconds", payments)).isEqualTo(90);
		assertThat(value(scrape, "temporal_task_queue_tasks_add_rate", payments)).isEqualTo(12);
		assertThat(value(scrape, "temporal_task_queue_tasks_dispatch_rate", payments)).isEqualTo(4);
		// the order queue runs workflows and activities: both task types are reported; the payment queue only its own
		assertThat(scrape).anyMatch((sample) -> sample.name().equals("temporal_task_queue_backlog_count")
				&& sample.labels().get("task_queue").equals("order-task-queue")
				&& sample.labels().get("task_queue_type").equals("workflow"));
		assertThat(scrape).noneMatch((sample) -> sample.name().equals("temporal_task_queue_backlog_count")
				&& sample.labels().get("task_queue").equals("payment-task-queue")
				&& sample.labels().get("task_queue_type").equals("workflow"));

		// slot saturation next to the SDK's slot gauges: idle, none of the 200 activity slots is busy
		placeOrdersOnce();
		Map<String, String> paymentSlots = Map.of("task_queue", "payment-task-queue", "worker_type", "ActivityWorker");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(scrape()).anyMatch((sample) -> sample.name()
				.equals("temporal_worker_task_slots_saturation_percent")
					&& sample.labels().entrySet().containsAll(paymentSlots.entrySet())));
		List<Sample> slots = scrape();
		double used = value(slots, "temporal_worker_task_slots_used", paymentSlots);
		double available = value(slots, "temporal_worker_task_slots_available", paymentSlots);
		assertThat(value(slots, "temporal_worker_task_slots_saturation_percent", paymentSlots))
			.isEqualTo(100 * used / (used + available));
	}

	private void placeOrdersOnce() throws Exception {
		synchronized (PrometheusScrapeIntegrationTests.class) {
			if (!ordersPlaced) {
				placeOrdersAndAwaitTheirEnd();
				ordersPlaced = true;
			}
		}
	}

	private void placeOrdersAndAwaitTheirEnd() throws Exception {
		List<String> orderIds = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			orderIds.add(placeOrder("10"));
		}
		orderIds.add(placeOrder("-5"));
		for (String orderId : orderIds) {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
				HttpResponse<String> order = get("/orders/" + orderId);
				return json.readTree(order.body()).get("status").asString();
			}, (status) -> !status.equals("RUNNING"));
		}
	}

	private String placeOrder(String amount) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"customerId":"metrics","item":"book","quantity":1,"amount":%s}""".formatted(amount)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(202);
		return json.readTree(response.body()).get("orderId").asString();
	}

	private List<Sample> scrape() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		List<Sample> samples = new ArrayList<>();
		response.body().lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach((line) -> {
			Matcher sample = SAMPLE.matcher(line);
			assertThat(sample.matches()).as("Prometheus sample line: %s", line).isTrue();
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		});
		return samples;
	}

	/** The sum of the samples of a metric that carry all the given labels. */
	private static double value(List<Sample> samples, String name, Map<String, String> labels) {
		return samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	private static Set<String> names(List<Sample> samples) {
		Set<String> names = new TreeSet<>();
		samples.forEach((sample) -> names.add(sample.name()));
		return names;
	}

	private static List<String> dashboardExpressions() throws Exception {
		List<String> expressions = new ArrayList<>();
		collectQueries(json.readTree(Files.readString(OPS.resolve("grafana-dashboard.json"))), expressions);
		assertThat(expressions).isNotEmpty();
		return expressions;
	}

	// panel targets' "expr" and template variables' "query" (a string, or an object holding one)
	private static void collectQueries(JsonNode node, List<String> expressions) {
		if (node.isObject()) {
			node.properties().forEach((field) -> {
				if ((field.getKey().equals("expr") || field.getKey().equals("query")) && field.getValue().isString()) {
					expressions.add(field.getValue().asString());
				}
				else {
					collectQueries(field.getValue(), expressions);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectQueries(element, expressions));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> alertExpressions() throws Exception {
		Map<String, Object> rules = new Yaml().load(Files.readString(OPS.resolve("prometheus-alerts.yml")));
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				assertThat(rule).containsKeys("alert", "expr");
				expressions.add((String) rule.get("expr"));
			}
		}
		assertThat(expressions).isNotEmpty();
		return expressions;
	}

	private static List<String> find(Pattern pattern, String text, int group) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(group));
		}
		return found;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	record Sample(String name, Map<String, String> labels, double value) {
	}

}
