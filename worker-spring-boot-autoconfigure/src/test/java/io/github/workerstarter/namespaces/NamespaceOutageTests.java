package io.github.workerstarter.namespaces;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.billing.BillingFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.Http;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two namespaces on two Temporal servers, each in its own JVM: one server goes away. Its component of the
 * {@code temporal} health contributor goes DOWN, the other namespace's workers keep completing workflows, readiness
 * follows the configured rule, and closing the application drains both. All over real HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class NamespaceOutageTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void oneServerDownTakesOnlyItsNamespaceDownAndByDefaultReadiness(CapturedOutput output) {
		try (TestServerProcess mainServer = TestServerProcess.start();
				TestServerProcess billingServer = TestServerProcess.start();
				ConfigurableApplicationContext app = start(mainServer, billingServer)) {
			Http http = Http.of(app);
			awaitHealth(http, "/actuator/health/readiness", (r) -> r.status() == 200);
			Http.Response health = http.get("/actuator/health/temporal", TIMEOUT);
			assertThat(health.status("components.main.status")).isEqualTo("UP");
			assertThat(health.status("components.billing.status")).isEqualTo("UP");
			assertThat(health.status("components.billing.details.namespace")).isEqualTo("billing-ns");
			assertThat(health.status("components.billing.details.target")).isEqualTo(billingServer.target());

			billingServer.kill();
			Http.Response down = awaitHealth(http, "/actuator/health/temporal",
					(r) -> "DOWN".equals(r.status("components.billing.status")));
			assertThat(down.status("components.main.status")).isEqualTo("UP");
			// every namespace counts for readiness unless told otherwise; liveness never does
			assertThat(http.get("/actuator/health/readiness", TIMEOUT).status()).isEqualTo(503);
			assertThat(http.get("/actuator/health/liveness", TIMEOUT).status()).isEqualTo(200);
			// the main namespace's workers go on working
			assertThat(greet(app.getBean(WorkflowClient.class), "Ada")).isEqualTo("Hello, Ada!");
		}
		// both namespaces' workers were drained in the one shutdown phase
		assertThat(output).contains("Temporal workers draining in namespaces [default, billing-ns]");
	}

	@Test
	void aNamespaceCanBeKeptOutOfReadiness() {
		try (TestServerProcess mainServer = TestServerProcess.start();
				TestServerProcess billingServer = TestServerProcess.start();
				ConfigurableApplicationContext app = start(mainServer, billingServer,
						"temporal.namespaces.billing.health.readiness=false")) {
			Http http = Http.of(app);
			awaitHealth(http, "/actuator/health/readiness", (r) -> r.status() == 200);
			billingServer.kill();
			awaitHealth(http, "/actuator/health/temporal", (r) -> "DOWN".equals(r.status("components.billing.status")));
			Http.Response readiness = http.get("/actuator/health/readiness", TIMEOUT);
			assertThat(readiness.status()).isEqualTo(200);
			// the main namespace still counts: its outage would take the pod out
			mainServer.kill();
			awaitHealth(http, "/actuator/health/readiness", (r) -> r.status() == 503);
		}
	}

	private static ConfigurableApplicationContext start(TestServerProcess mainServer, TestServerProcess billingServer,
			String... properties) {
		return new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "temporal.target=" + mainServer.target(),
					"temporal.workers.greetings.identity=outage",
					"temporal.namespaces.billing.namespace=billing-ns",
					"temporal.namespaces.billing.target=" + billingServer.target(),
					"temporal.workers.billing-greetings.namespace=billing",
					"temporal.workers.billing-greetings.task-queue=greetings",
					"temporal.health.timeout=500ms",
					"management.endpoints.web.exposure.include=health,temporal",
					"management.endpoint.health.show-details=always", "spring.lifecycle.timeout-per-shutdown-phase=10s")
			.properties(properties)
			.run();
	}

	private static String greet(WorkflowClient client, String name) {
		WorkflowStub stub = client.newUntypedWorkflowStub("Greet", WorkflowOptions.newBuilder()
			.setTaskQueue("greetings")
			.setWorkflowId("greet-" + UUID.randomUUID())
			.setWorkflowRunTimeout(Duration.ofSeconds(30))
			.build());
		stub.start(name);
		return stub.getResult(String.class);
	}

	private static Http.Response awaitHealth(Http http, String path, Predicate<Http.Response> condition) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.get(path, TIMEOUT), condition);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ GreetingFixtures.class, BillingFixtures.class })
	static class App {

	}

}
