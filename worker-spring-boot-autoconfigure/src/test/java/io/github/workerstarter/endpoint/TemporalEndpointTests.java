package io.github.workerstarter.endpoint;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.determinism.DeterminismFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingActivitiesImpl;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingWorkflowImpl;
import io.github.workerstarter.fixtures.nexus.GreetingNexusServiceImpl;
import io.github.workerstarter.fixtures.nexus.NexusFixtures;
import io.github.workerstarter.testing.Http;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/temporal} over real HTTP, against a web application with the greeting worker. */
class TemporalEndpointTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private ConfigurableApplicationContext app;

	@AfterEach
	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void listsConnectionWorkerOptionsAndImplementingBeans() {
		Http http = start("temporal.workers.greetings.max-concurrent-activities=7",
				"temporal.workers.greetings.max-activities-per-second=50");
		Http.Response response = http.get("/actuator/temporal", REQUEST_TIMEOUT);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.status("connection.target")).isEqualTo("embedded (in-process)");
		assertThat(response.status("connection.namespace")).isEqualTo("default");
		assertThat(response.status("state")).isEqualTo("running");
		assertThat(response.body().get("writeOperationsEnabled").asBoolean()).isFalse();
		JsonNode worker = response.body().get("workers").get("greetings");
		assertThat(worker.get("state").asString()).isEqualTo("running");
		assertThat(worker.get("suspended").asBoolean()).isFalse();
		JsonNode options = worker.get("options");
		assertThat(options.get("maxConcurrentActivities").asInt()).isEqualTo(7);
		assertThat(options.get("maxWorkerActivitiesPerSecond").asDouble()).isEqualTo(50);
		assertThat(options.get("identity").asString()).isEqualTo("endpoint-test");
		assertThat(options.get("workflowTaskPollers").asInt()).isPositive();
		assertThat(worker.get("workflows").get(0).get("type").asString()).isEqualTo("Greet");
		assertThat(worker.get("workflows").get(0).get("bean").asString()).isEqualTo("greetingWorkflowImpl");
		assertThat(worker.get("workflows").get(0).get("beanClass").asString())
			.isEqualTo(GreetingWorkflowImpl.class.getName());
		assertThat(worker.get("activities").get(0).get("type").asString()).isEqualTo("GreetingCompose");
		assertThat(worker.get("activities").get(0).get("bean").asString()).isEqualTo("greetingActivitiesImpl");
		assertThat(worker.get("activities").get(0).get("beanClass").asString())
			.isEqualTo(GreetingActivitiesImpl.class.getName());
		// one worker alone
		assertThat(http.get("/actuator/temporal/greetings", REQUEST_TIMEOUT).status("state")).isEqualTo("running");
	}

	@Test
	void showsTheOptionsSetPerActivityType() {
		Http http = start("temporal.activities.GreetingCompose.start-to-close-timeout=5s",
				"temporal.activities.GreetingCompose.cancellation-type=wait-cancellation-completed",
				"temporal.activities.GreetingCompose.retry.maximum-attempts=3",
				"temporal.activities.GreetingCompose.retry.do-not-retry=ValidationError");
		JsonNode compose = http.get("/actuator/temporal", REQUEST_TIMEOUT).body().get("activityOptions").get("GreetingCompose");
		assertThat(compose.get("startToCloseTimeout").asString()).isEqualTo("5s");
		assertThat(compose.get("cancellationType").asString()).isEqualTo("wait-cancellation-completed");
		assertThat(compose.get("retry").get("maximumAttempts").asInt()).isEqualTo(3);
		assertThat(compose.get("retry").get("doNotRetry").get(0).asString()).isEqualTo("ValidationError");
		// only what was set
		assertThat(compose.has("heartbeatTimeout")).isFalse();
		assertThat(compose.get("retry").has("initialInterval")).isFalse();
	}

	@Test
	void listsNexusServicesAndTheDeploymentVersion() {
		Http http = start(NexusWebApp.class, "temporal.workers.nexus-handlers.identity=x",
				"greeting.nexus-endpoint=unused", "temporal.workers.nexus-handlers.deployment.name=greeter",
				"temporal.workers.nexus-handlers.deployment.build-id=3.1");
		JsonNode workers = http.get("/actuator/temporal", REQUEST_TIMEOUT).body().get("workers");
		JsonNode handlers = workers.get("nexus-handlers");
		assertThat(handlers.get("nexusServices").get(0).get("type").asString()).isEqualTo("Greetings");
		assertThat(handlers.get("nexusServices").get(0).get("bean").asString()).isEqualTo("greetingNexusServiceImpl");
		assertThat(handlers.get("nexusServices").get(0).get("beanClass").asString())
			.isEqualTo(GreetingNexusServiceImpl.class.getName());
		JsonNode deployment = handlers.get("options").get("deployment");
		assertThat(deployment.get("name").asString()).isEqualTo("greeter");
		assertThat(deployment.get("buildId").asString()).isEqualTo("3.1");
		assertThat(deployment.get("useVersioning").asBoolean()).isFalse();
		assertThat(deployment.get("defaultVersioningBehavior").asString()).isEqualTo("unspecified");
		// a worker without deployment settings reports none
		JsonNode none = workers.get("greetings").get("options").get("deployment");
		assertThat(none == null || none.isNull()).isTrue();
		assertThat(workers.get("greetings").get("nexusServices")).isEmpty();
	}

	@Test
	void listsWhatTheDeterminismCheckFoundUnderEachWorkflowAllowedFindingsWithTheirReason() {
		Http http = start(DeterminismWebApp.class, "temporal.workers.claims.identity=endpoint-test");
		// warn mode: the check runs in the background after startup
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/actuator/temporal/claims",
				REQUEST_TIMEOUT).body().get("workflows").get(0).get("determinism").get("checked").asBoolean()).isTrue());
		JsonNode claims = http.get("/actuator/temporal/claims", REQUEST_TIMEOUT).body().get("workflows").get(0);
		assertThat(claims.get("type").asString()).isEqualTo("Claim");
		JsonNode determinism = claims.get("determinism");
		assertThat(determinism.get("check").asString()).isEqualTo("warn");
		assertThat(determinism.get("findings")).hasSize(2);
		assertThat(determinism.get("findings").get(0).get("category").asString()).isEqualTo("wall clock");
		assertThat(determinism.get("findings").get(0).get("chain").asString())
			.isEqualTo("ClaimWorkflowImpl.file → Deadlines.due → LocalDate.now");
		JsonNode allowed = determinism.get("allowed");
		assertThat(allowed).hasSize(1);
		assertThat(allowed.get(0).get("api").asString()).isEqualTo("java.time.Instant.now");
		assertThat(allowed.get(0).get("at").asString()).startsWith(
				"io.github.workerstarter.fixtures.determinism.AuditStamp.stamp(AuditStamp.java:");
		assertThat(allowed.get(0).get("allowedBy").asString())
			.isEqualTo("@AllowNondeterminism on AuditStamp.stamp: only goes into the audit text, which no decision reads");
		// a clean workflow: checked, nothing found; activities have no such entry
		JsonNode greetings = http.get("/actuator/temporal/greetings", REQUEST_TIMEOUT).body();
		assertThat(greetings.get("workflows").get(0).get("determinism").get("findings")).isEmpty();
		JsonNode activity = greetings.get("activities").get(0).get("determinism");
		assertThat(activity == null || activity.isNull()).isTrue();
	}

	@Test
	void writesAreRefusedUnlessEnabledNamingTheProperty() {
		Http http = start();
		Http.Response refused = http.post("/actuator/temporal/greetings", "{\"action\":\"suspend\"}", REQUEST_TIMEOUT);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.status("error")).contains("temporal.endpoint.write-operations-enabled=true");
		assertThat(http.get("/actuator/temporal/greetings", REQUEST_TIMEOUT).status("state")).isEqualTo("running");
		assertThat(greet(this.app, "greetings", "Ada")).isEqualTo("Hello, Ada!");
	}

	@Test
	void unknownQueueAndUnknownActionAreAnsweredWithWhatExists() {
		Http http = start("temporal.endpoint.write-operations-enabled=true");
		Http.Response unknown = http.post("/actuator/temporal/greeting", "{\"action\":\"suspend\"}", REQUEST_TIMEOUT);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.status("error")).contains("'greeting'").contains("[greetings]");
		assertThat(http.get("/actuator/temporal/greeting", REQUEST_TIMEOUT).status()).isEqualTo(404);
		Http.Response badAction = http.post("/actuator/temporal/greetings", "{\"action\":\"pause\"}", REQUEST_TIMEOUT);
		assertThat(badAction.status()).isEqualTo(400);
		assertThat(badAction.status("error")).contains("suspend").contains("resume");
	}

	@Test
	void suspendStopsPollingAndResumeStartsItAgain() throws Exception {
		Http http = start("temporal.endpoint.write-operations-enabled=true",
				"temporal.workers.greetings.workflow-pollers=2");
		assertThat(greet(this.app, "greetings", "warm-up")).isEqualTo("Hello, warm-up!");
		int pollers = http.get("/actuator/temporal/greetings", REQUEST_TIMEOUT)
			.body()
			.get("options")
			.get("workflowTaskPollers")
			.asInt();

		Http.Response suspended = http.post("/actuator/temporal/greetings", "{\"action\":\"suspend\"}",
				REQUEST_TIMEOUT);
		assertThat(suspended.status()).isEqualTo(200);
		assertThat(suspended.status("state")).isEqualTo("suspended");
		assertThat(suspended.body().get("suspended").asBoolean()).isTrue();
		// health shows the worker suspended (the application as a whole stays UP: it is one queue, on purpose)
		Http.Response health = http.get("/actuator/health", REQUEST_TIMEOUT);
		assertThat(health.status("components.temporal.details.workers.greetings.state")).isEqualTo("suspended");

		// Each poller may still get one task: its poll was already waiting on the server when polling was
		// suspended. Feed those polls throw-away workflows first (tasks go to waiting polls in arrival order), so
		// the workflow under test finds no poller left.
		for (int i = 0; i <= pollers; i++) {
			startGreeting("throw-away-" + i);
		}
		WorkflowStub queued = startGreeting("queued");
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> status(queued) == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
					&& !hasStarted(queued));

		Http.Response resumed = http.post("/actuator/temporal/greetings", "{\"action\":\"resume\"}", REQUEST_TIMEOUT);
		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.status("state")).isEqualTo("running");
		assertThat(queued.getResult(30, java.util.concurrent.TimeUnit.SECONDS, String.class))
			.isEqualTo("Hello, queued!");
		assertThat(http.get("/actuator/health", REQUEST_TIMEOUT)
			.status("components.temporal.details.workers.greetings.state")).isEqualTo("running");
	}

	private WorkflowStub startGreeting(String name) {
		WorkflowStub stub = this.app.getBean(WorkflowClient.class)
			.newUntypedWorkflowStub("Greet",
					WorkflowOptions.newBuilder()
						.setTaskQueue("greetings")
						.setWorkflowId(name + "-" + UUID.randomUUID())
						.setWorkflowRunTimeout(Duration.ofSeconds(60))
						.build());
		stub.start(name);
		return stub;
	}

	private WorkflowExecutionStatus status(WorkflowStub stub) {
		return stub.describe().getRawDescription().getWorkflowExecutionInfo().getStatus();
	}

	// no workflow task of it was picked up by a worker
	private boolean hasStarted(WorkflowStub stub) {
		return this.app.getBean(WorkflowClient.class)
			.fetchHistory(stub.getExecution().getWorkflowId())
			.getEvents()
			.stream()
			.anyMatch((event) -> event.hasWorkflowTaskStartedEventAttributes());
	}

	private Http start(String... properties) {
		return start(WebApp.class, properties);
	}

	private Http start(Class<?> application, String... properties) {
		this.app = new SpringApplicationBuilder(application)
			.properties("server.port=0", "temporal.target=embedded", "temporal.workers.greetings.identity=endpoint-test",
					"management.endpoints.web.exposure.include=health,temporal",
					"management.endpoint.health.show-details=always")
			.properties(properties)
			.run();
		return Http.of(this.app);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(GreetingFixtures.class)
	static class WebApp {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ GreetingFixtures.class, NexusFixtures.class })
	static class NexusWebApp {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ GreetingFixtures.class, DeterminismFixtures.class })
	static class DeterminismWebApp {

	}

}
