package io.github.workerstarter.worker;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.dynamic.DynamicFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.Http;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.worker.WorkerFactory;

import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One jar, several roles: a worker switched off by temporal.workers.<name>.enabled, or every worker by
 * temporal.start-workers (an API tier keeping its clients). Health, the endpoint and the metrics say which are off;
 * all read over real HTTP.
 */
class WorkerSwitchesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private ConfigurableApplicationContext app;

	@AfterEach
	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void disabledWorkerIsNotBuiltAndIsShownAsDisabled() {
		Http http = start("temporal.workers.dynamic.enabled=false");
		WorkerFactory factory = this.app.getBean(WorkerFactory.class);
		assertThatIllegalArgumentException().isThrownBy(() -> factory.getWorker("dynamic"));
		assertThat(greet(this.app, "greetings", "Ada")).isEqualTo("Hello, Ada!");

		Http.Response health = http.get("/actuator/health/temporal", TIMEOUT);
		assertThat(health.status("status")).isEqualTo("UP");
		assertThat(health.status("details.workers.greetings.state")).isEqualTo("running");
		assertThat(health.status("details.workers.dynamic.state")).isEqualTo("disabled");
		assertThat(health.status("details.workers.dynamic.disabledBy")).isEqualTo("temporal.workers.dynamic.enabled=false");
		assertThat(http.get("/actuator/health/readiness", TIMEOUT).status("status")).isEqualTo("UP");

		JsonNode dynamic = http.get("/actuator/temporal", TIMEOUT).body().get("workers").get("dynamic");
		assertThat(dynamic.get("state").asString()).isEqualTo("disabled");
		assertThat(dynamic.get("disabledBy").asString()).isEqualTo("temporal.workers.dynamic.enabled=false");
		assertThat(dynamic.get("options").isNull()).isTrue();
		// what it would run is still listed, from the beans that name its queue
		assertThat(dynamic.get("workflows").get(0).get("type").asString()).isEqualTo("(dynamic)");
		Http.Response suspend = http.post("/actuator/temporal/dynamic", "{\"action\":\"suspend\"}", TIMEOUT);
		assertThat(suspend.status()).isEqualTo(409);
		assertThat(suspend.status("error")).contains("is disabled (temporal.workers.dynamic.enabled=false)");

		String prometheus = http.getText("/actuator/prometheus", TIMEOUT);
		assertThat(prometheus).containsPattern(
				"temporal_worker_state\\{namespace=\"default\",state=\"disabled\",task_queue=\"dynamic\"} 1")
			.containsPattern("temporal_worker_state\\{namespace=\"default\",state=\"running\",task_queue=\"greetings\"} 1");
	}

	@Test
	void startWorkersFalseKeepsTheClientsAndBuildsNoWorker() {
		Http http = start("temporal.start-workers=false");
		assertThat(this.app.getBean(WorkflowClient.class)).isNotNull();
		assertThat(this.app.getBean(ScheduleClient.class)).isNotNull();
		WorkerFactory factory = this.app.getBean(WorkerFactory.class);
		assertThat(factory.isStarted()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> factory.getWorker("greetings"));

		Http.Response health = http.get("/actuator/health/temporal", TIMEOUT);
		assertThat(health.status("status")).isEqualTo("UP");
		assertThat(health.status("details.workers.greetings.state")).isEqualTo("disabled");
		assertThat(health.status("details.workers.greetings.disabledBy")).isEqualTo("temporal.start-workers=false");
		assertThat(health.status("details.workers.dynamic.state")).isEqualTo("disabled");
		Http.Response endpoint = http.get("/actuator/temporal", TIMEOUT);
		assertThat(endpoint.status("workers.greetings.state")).isEqualTo("disabled");
		// nothing to poll: no state for the namespace, rather than "starting" forever
		assertThat(endpoint.body().get("state").isNull()).as("state of " + endpoint.body()).isTrue();
	}

	@Test
	void startWorkersFalseStillChecksTheBeansAgainstTheConfiguration() {
		// an API tier built from the same jar fails on the same mistakes as the worker tier
		SpringApplicationBuilder builder = new SpringApplicationBuilder(WebApp.class).properties("server.port=0",
				"temporal.target=embedded", "temporal.start-workers=false", "temporal.workers.greetings.identity=x");
		assertThatExceptionOfType(WorkerConfigurationException.class).isThrownBy(builder::run)
			.withMessageStartingWith("Task queue 'dynamic' is named by @WorkflowImpl bean")
			.withMessageContaining("and @ActivityImpl bean")
			.withMessageContaining(", but no worker is configured for that queue.");
	}

	private Http start(String... properties) {
		this.app = new SpringApplicationBuilder(WebApp.class)
			.properties("server.port=0", "temporal.target=embedded", "temporal.workers.greetings.identity=switches",
					"temporal.workers.dynamic.identity=switches", "temporal.metrics.report-interval=1s",
					"management.endpoints.web.exposure.include=health,temporal,prometheus",
					"management.endpoint.health.show-details=always", "temporal.endpoint.write-operations-enabled=true")
			.properties(properties)
			.run();
		return Http.of(this.app);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ GreetingFixtures.class, DynamicFixtures.class })
	static class WebApp {

	}

}
