package io.github.workerstarter.namespaces;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.billing.BillingFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** /actuator/temporal, health and the worker gauges group workers by namespace; read over real HTTP. */
class NamespacesActuatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private ConfigurableApplicationContext app;

	@AfterEach
	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void endpointHealthAndGaugesGroupWorkersByNamespace() {
		Http http = start();
		JsonNode temporal = http.get("/actuator/temporal", TIMEOUT).body();
		// the main namespace at the top, as without namespaces; the others by alias
		assertThat(temporal.get("connection").get("namespace").asString()).isEqualTo("default");
		assertThat(temporal.get("workers").get("greetings").get("workflows").get(0).get("type").asString())
			.isEqualTo("Greet");
		JsonNode billing = temporal.get("namespaces").get("billing");
		assertThat(billing.get("connection").get("namespace").asString()).isEqualTo("billing-ns");
		assertThat(billing.get("state").asString()).isEqualTo("running");
		assertThat(billing.get("workers").get("greetings").get("workflows")).extracting((node) -> node.get("type").asString())
			.containsExactlyInAnyOrder("Greet", "Invoice");
		// one worker of a namespace; the same queue in the main namespace is another worker
		assertThat(http.get("/actuator/temporal/billing/greetings", TIMEOUT).body().get("workflows")).hasSize(2);
		assertThat(http.get("/actuator/temporal/greetings", TIMEOUT).body().get("workflows")).hasSize(1);
		Http.Response unknown = http.get("/actuator/temporal/biling/greetings", TIMEOUT);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.status("error")).isEqualTo("No namespace with the alias 'biling'. Aliases: [main, billing].");
		// suspending the billing worker leaves the main one polling
		assertThat(http.post("/actuator/temporal/billing/greetings", "{\"action\":\"suspend\"}", TIMEOUT).status("state"))
			.isEqualTo("suspended");
		assertThat(http.get("/actuator/temporal/greetings", TIMEOUT).status("state")).isEqualTo("running");

		Http.Response health = http.get("/actuator/health/temporal", TIMEOUT);
		assertThat(health.status("components.main.details.workers.greetings.state")).isEqualTo("running");
		assertThat(health.status("components.billing.details.workers.greetings.state")).isEqualTo("suspended");

		String prometheus = http.getText("/actuator/prometheus", TIMEOUT);
		assertThat(prometheus)
			.containsPattern("temporal_worker_suspended\\{namespace=\"billing-ns\",task_queue=\"greetings\"} 1")
			.containsPattern("temporal_worker_suspended\\{namespace=\"default\",task_queue=\"greetings\"} 0");
	}

	private Http start() {
		this.app = new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "temporal.target=embedded", "temporal.workers.greetings.identity=main",
					"temporal.namespaces.billing.namespace=billing-ns",
					"temporal.workers.billing-greetings.namespace=billing",
					"temporal.workers.billing-greetings.task-queue=greetings",
					"temporal.endpoint.write-operations-enabled=true",
					"management.endpoints.web.exposure.include=health,temporal,prometheus",
					"management.endpoint.health.show-details=always")
			.run();
		return Http.of(this.app);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ GreetingFixtures.class, BillingFixtures.class })
	static class App {

	}

}
