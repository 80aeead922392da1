package io.github.workerstarter.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.workerstarter.fixtures.slow.SlowActivitiesImpl;
import io.github.workerstarter.fixtures.slow.SlowFixtures;
import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the context drains the workers: activities that had started finish and report their result; only past the
 * drain timeout are they interrupted, and the log says where. The server runs in its own JVM, so it keeps the
 * histories across the application's restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class GracefulDrainTests {

	private static final int ACTIVITIES = 50;

	private static TestServerProcess server;

	@BeforeAll
	static void startServer() {
		server = TestServerProcess.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void inFlightActivitiesFinishBeforeTheContextCloses() throws Exception {
		ConfigurableApplicationContext app = startWorkers("temporal.shutdown.drain-timeout=20s",
				"temporal.shutdown.sticky-queue-drain-timeout=5s");
		SlowActivitiesImpl activities = app.getBean(SlowActivitiesImpl.class);
		WorkflowClient client = app.getBean(WorkflowClient.class);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < ACTIVITIES; i++) {
			ids.add(startSlowWorkflow(client, 2000));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> activities.started.get() == ACTIVITIES);

		HealthIndicator health = app.getBean("temporalHealthIndicator", HealthIndicator.class);
		long closing = System.nanoTime();
		CompletableFuture<Void> close = CompletableFuture.runAsync(app::close);
		// while it drains, the workers report it: readiness takes the pod out of rotation
		await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus(), Status.OUT_OF_SERVICE::equals);
		assertThat(health.health().getDetails().get("workers").toString()).contains("state=draining");
		close.get(30, TimeUnit.SECONDS);
		Duration closeTime = Duration.ofNanos(System.nanoTime() - closing);

		assertThat(activities.completed).hasValue(ACTIVITIES);
		assertThat(activities.interrupted).hasValue(0);
		assertThat(closeTime).isLessThan(Duration.ofSeconds(20));
		System.out.println("Drain of " + ACTIVITIES + " x 2 s activities closed the context in " + closeTime.toMillis()
				+ " ms");

		// the results reached the server, and with the sticky-queue drain the workflows finished on this instance
		try (ServerClient server = ServerClient.connect(GracefulDrainTests.server.target())) {
			for (String id : ids) {
				assertThat(server.client().newUntypedWorkflowStub(id).getResult(10, TimeUnit.SECONDS, String.class))
					.isEqualTo("done");
				assertThat(server.client().fetchHistory(id).getEvents())
					.noneMatch((event) -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED
							|| event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT);
			}
		}
	}

	@Test
	void activitiesOutlastingTheDrainTimeoutAreInterruptedAndLogged(CapturedOutput output) {
		ConfigurableApplicationContext app = startWorkers("temporal.shutdown.drain-timeout=1s");
		SlowActivitiesImpl activities = app.getBean(SlowActivitiesImpl.class);
		WorkflowClient client = app.getBean(WorkflowClient.class);
		for (int i = 0; i < 3; i++) {
			startSlowWorkflow(client, 60_000);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> activities.started.get() == 3);

		app.close();

		assertThat(activities.interrupted).hasValue(3);
		assertThat(activities.completed).hasValue(0);
		assertThat(output).contains("did not finish within the drain timeout of 1000 ms")
			.contains("interrupting what is still running: 'slow': 3 activities");
	}

	private static String startSlowWorkflow(WorkflowClient client, long activityMillis) {
		WorkflowStub stub = client.newUntypedWorkflowStub("SlowWorkflow",
				WorkflowOptions.newBuilder().setTaskQueue("slow").build());
		return stub.start(activityMillis).getWorkflowId();
	}

	private static ConfigurableApplicationContext startWorkers(String... properties) {
		return new SpringApplicationBuilder(SlowFixtures.class).web(WebApplicationType.NONE)
			.properties("temporal.target=" + server.target(), "temporal.workers.slow.max-concurrent-activities=100")
			.properties(properties)
			.run();
	}

}
