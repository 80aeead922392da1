package io.github.workerstarter.test.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.google.protobuf.util.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.github.workerstarter.test.await.WorkflowAwait;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as a whole ({@code @SpringBootTest}, web server, Actuator) on the test environment the module
 * brings: the starter's beans are the environment's, timers are skipped, and health, metrics and the endpoint work
 * as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,temporal",
				"management.endpoint.health.show-components=always", "management.endpoint.health.show-details=always",
				"temporal.metrics.report-interval=100ms" })
class TestEnvironmentTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@Autowired
	TestWorkflowEnvironment testEnvironment;

	@Autowired
	WorkflowClient client;

	@Autowired
	WorkflowAwait awaiting;

	@LocalServerPort
	int port;

	@Test
	void theStartersBeansAreTheEnvironmentsAndNoOtherServerRuns() {
		assertThat(this.context.getBean(WorkflowServiceStubs.class))
			.isSameAs(this.testEnvironment.getWorkflowServiceStubs());
		WorkerFactory factory = this.context.getBean(WorkerFactory.class);
		assertThat(factory).isSameAs(this.testEnvironment.getWorkerFactory());
		assertThat(factory.isStarted()).isTrue();
		assertThat(factory.getWorker("shipping")).isNotNull();
		// the SDK's interceptor that skips time while a client call waits for a result
		assertThat(this.client.getOptions().getInterceptors())
			.anySatisfy((interceptor) -> assertThat(interceptor.getClass().getSimpleName())
				.isEqualTo("TimeLockingInterceptor"));
		assertThat(this.context.getBeansOfType(EmbeddedTemporalServer.class)).isEmpty();
		assertThat(this.context.getBean(ScheduleClient.class)).isNotNull();
	}

	@Test
	void aDayLongTimerTakesSecondsOfWallTime() {
		long wallBefore = System.nanoTime();

		String tracking = shipment("parcel-day").ship("p-1");

		Duration wall = Duration.ofNanos(System.nanoTime() - wallBefore);
		Duration workflowTime = workflowDuration("parcel-day");
		System.out.printf("24 h handling-time timer: %d ms of wall time, %s of workflow time%n", wall.toMillis(),
				workflowTime);
		assertThat(tracking).isEqualTo("TRK-p-1");
		assertThat(workflowTime).isGreaterThanOrEqualTo(Duration.ofHours(24));
		// without time skipping this call would take a day; the bound only has to tell the two apart
		assertThat(wall).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void theEnvironmentsSleepAndClockMoveWorkflowTime() {
		ShipmentWorkflow shipment = shipment("parcel-sleep");
		WorkflowClient.start(shipment::ship, "p-2");
		this.awaiting.query("parcel-sleep", ShipmentWorkflow.class, ShipmentWorkflow::status,
				"WAITING_FOR_PICKUP"::equals);
		long before = this.testEnvironment.currentTimeMillis();

		this.testEnvironment.sleep(Duration.ofHours(25));

		assertThat(this.testEnvironment.currentTimeMillis() - before).isGreaterThanOrEqualTo(Duration.ofHours(25).toMillis());
		assertThat(this.awaiting.result("parcel-sleep", String.class)).isEqualTo("TRK-p-2");
	}

	@Test
	void healthAndTheEndpointAnswerOverHttpOnTheEnvironment() throws Exception {
		JsonNode health = get("/actuator/health");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode temporal = health.get("components").get("temporal");
		assertThat(temporal.get("status").asString()).isEqualTo("UP");
		assertThat(temporal.get("details").get("target").asString()).isEqualTo("test environment (in-process)");

		JsonNode endpoint = get("/actuator/temporal");
		assertThat(endpoint.get("connection").get("target").asString()).isEqualTo("test environment (in-process)");
		JsonNode shipping = endpoint.get("workers").get("shipping");
		assertThat(shipping.get("state").asString()).isEqualTo("running");
		assertThat(shipping.get("workflows").get(0).get("type").asString()).isEqualTo("ShipmentWorkflow");
	}

	@Test
	void theSdksMetricsReachTheApplicationsRegistry() {
		shipment("parcel-metrics").ship("p-3");
		MeterRegistry registry = this.context.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(registry.find("temporal_workflow_completed")
				.tag("workflow_type", "ShipmentWorkflow")
				.counter()).isNotNull());
	}

	// from the workflow's own history: the server's clock also jumps ahead when idle between tests
	private Duration workflowDuration(String workflowId) {
		var events = this.client.fetchHistory(workflowId).getEvents();
		return Duration.ofMillis(Timestamps.toMillis(events.get(events.size() - 1).getEventTime())
				- Timestamps.toMillis(events.get(0).getEventTime()));
	}

	private ShipmentWorkflow shipment(String workflowId) {
		return this.client.newWorkflowStub(ShipmentWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId(workflowId).build());
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return json.readTree(response.body());
	}

	@Nested
	@TestPropertySource(properties = "shipping.handling-time=30d")
	class ThirtyDays {

		@Test
		void aThirtyDayTimerFinishesInWellUnderASecondOfTestTime() {
			long wallBefore = System.nanoTime();
			assertThat(shipment("parcel-month").ship("p-4")).isEqualTo("TRK-p-4");
			System.out.printf("30 day timer: %d ms of wall time%n", (System.nanoTime() - wallBefore) / 1_000_000);
			assertThat(workflowDuration("parcel-month")).isGreaterThanOrEqualTo(Duration.ofDays(30));
		}

	}

}
