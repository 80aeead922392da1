package io.github.workerstarter.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
import io.github.workerstarter.fixtures.slow.SlowWorkflowImpl;
import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;

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

	private static final int RESTARTS = 5;

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

	/**
	 * The SDK's test server, like a Temporal server without graceful poll shutdown, leaves the SDK to cancel the polls
	 * still waiting when a worker shuts down, and a task handed to one at that instant is lost until its start-to-close
	 * timeout (60 s here). Busy polls are the likeliest to get one, so the instance restarted here takes work all the
	 * time while another instance serves the same queue; each close must let its polls come back first.
	 */
	@Test
	void noTaskIsLostToAPollTheDrainCancels(CapturedOutput output) throws Exception {
		try (ServerClient other = ServerClient.connect(server.target())) {
			WorkerFactory otherInstance = WorkerFactory.newInstance(other.client());
			Worker otherWorker = otherInstance.newWorker("slow");
			otherWorker.registerWorkflowImplementationTypes(SlowWorkflowImpl.class);
			otherWorker.registerActivitiesImplementations(new SlowActivitiesImpl());
			otherInstance.start();
			Set<String> ids = ConcurrentHashMap.newKeySet();
			AtomicBoolean placing = new AtomicBoolean(true);
			Thread traffic = new Thread(() -> {
				while (placing.get()) {
					ids.add(startSlowWorkflow(other.client(), 10));
				}
			}, "traffic");
			traffic.start();
			try {
				for (int restart = 0; restart < RESTARTS; restart++) {
					ConfigurableApplicationContext app = startWorkers();
					SlowActivitiesImpl activities = app.getBean(SlowActivitiesImpl.class);
					await().atMost(Duration.ofSeconds(30)).until(() -> activities.completed.get() >= 20);
					app.close();
				}
			}
			finally {
				placing.set(false);
				traffic.join();
			}
			// the 10 ms activities all end within seconds; one whose task was lost would wait 60 s
			await("every workflow done").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(openOf(other, ids)).isEmpty());
			System.out.println(ids.size() + " workflows across " + RESTARTS + " restarts, none lost a task");
			otherInstance.shutdownNow();
		}
		assertThat(output).contains("polls waiting on the server to come back");
	}

	private static List<String> openOf(ServerClient server, Set<String> ids) {
		return server.stubs()
			.blockingStub()
			.listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
				.setNamespace("default")
				.setMaximumPageSize(10_000)
				.build())
			.getExecutionsList()
			.stream()
			.map((execution) -> execution.getExecution().getWorkflowId())
			.filter(ids::contains)
			.toList();
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
