package io.github.workerstarter.health;

import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.Http;
import io.github.workerstarter.testing.TestServerProcess;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The application against a Temporal server in another JVM that goes away and comes back, seen through real HTTP
 * calls to Actuator. Each health request has a 5 s client timeout: a health endpoint blocked by a dead server fails
 * the test.
 */
class ServerOutageTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	@Test
	void healthFollowsAnOutageAndTheWorkersRecoverWithoutRestart() {
		try (TestServerProcess server = TestServerProcess.start();
				ConfigurableApplicationContext app = startApp(server)) {
			Http http = Http.of(app);
			awaitHealth(http, "/actuator/health", (r) -> r.status() == 200 && "UP".equals(r.status("components.temporal.status")));

			long killed = System.nanoTime();
			server.kill();
			Http.Response down = awaitHealth(http, "/actuator/health", (r) -> r.status() == 503);
			System.out.println("Outage to DOWN: " + Duration.ofNanos(System.nanoTime() - killed).toMillis() + " ms");
			assertThat(down.status("components.temporal.status")).isEqualTo("DOWN");
			assertThat(down.status("components.temporal.details.connection")).startsWith("DOWN");
			assertThat(http.get("/actuator/health/readiness", REQUEST_TIMEOUT).status()).isEqualTo(503);
			// liveness never depends on the external server
			assertThat(http.get("/actuator/health/liveness", REQUEST_TIMEOUT).status()).isEqualTo(200);

			long restarted = System.nanoTime();
			server.startProcess();
			awaitHealth(http, "/actuator/health/readiness", (r) -> r.status() == 200);
			System.out.println("Restart to UP: " + Duration.ofNanos(System.nanoTime() - restarted).toMillis() + " ms");
			assertThat(greet(app, "greetings", "again")).isEqualTo("Hello, again!");
		}
	}

	@Test
	void startsWithoutServerNotReadyUntilItAnswers() {
		try (TestServerProcess server = TestServerProcess.notStarted();
				ConfigurableApplicationContext app = startApp(server, "temporal.connect-timeout=1s")) {
			Http http = Http.of(app);
			Http.Response readiness = http.get("/actuator/health/readiness", REQUEST_TIMEOUT);
			assertThat(readiness.status()).isEqualTo(503);
			Http.Response health = http.get("/actuator/health", REQUEST_TIMEOUT);
			assertThat(health.status("components.temporal.details.workers.greetings.state")).isEqualTo("starting");
			assertThat(http.get("/actuator/health/liveness", REQUEST_TIMEOUT).status()).isEqualTo(200);

			long started = System.nanoTime();
			server.startProcess();
			awaitHealth(http, "/actuator/health/readiness", (r) -> r.status() == 200);
			System.out.println("Server start to ready: " + Duration.ofNanos(System.nanoTime() - started).toMillis()
					+ " ms");
			assertThat(greet(app, "greetings", "late")).isEqualTo("Hello, late!");
		}
	}

	@Test
	void readinessMembershipCanBeSwitchedOff() {
		try (TestServerProcess server = TestServerProcess.notStarted();
				ConfigurableApplicationContext app = startApp(server, "temporal.connect-timeout=1s",
						"temporal.health.readiness=false")) {
			Http http = Http.of(app);
			assertThat(http.get("/actuator/health/readiness", REQUEST_TIMEOUT).status()).isEqualTo(200);
			assertThat(http.get("/actuator/health", REQUEST_TIMEOUT).status()).isEqualTo(503);
		}
	}

	@Test
	void failFastWithoutServerFailsStartupNamingTheTarget() {
		try (TestServerProcess server = TestServerProcess.notStarted()) {
			Throwable failure = catchThrowable(
					() -> startApp(server, "temporal.fail-fast=true", "temporal.connect-timeout=1s"));
			WorkerConfigurationException cause = configurationFailure(failure);
			assertThat(cause.getMessage()).contains("Temporal server at " + server.target())
				.contains("temporal.fail-fast is true");
			assertThat(cause.getAction()).contains("temporal.target").contains("temporal.fail-fast=false");
		}
	}

	private static Http.Response awaitHealth(Http http, String path, Predicate<Http.Response> condition) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.get(path, REQUEST_TIMEOUT), condition);
	}

	private static ConfigurableApplicationContext startApp(TestServerProcess server, String... properties) {
		return new SpringApplicationBuilder(WebApp.class)
			.properties("server.port=0", "temporal.target=" + server.target(), "temporal.workers.greetings.identity=outage",
					"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always",
					"management.endpoint.health.probes.enabled=true")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(GreetingFixtures.class)
	static class WebApp {

	}

}
