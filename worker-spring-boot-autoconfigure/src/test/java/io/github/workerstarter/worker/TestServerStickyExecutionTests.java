package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.signal.ApprovalFixtures;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the SDK's test server in its own JVM (which never times out sticky queues), sticky execution is turned off
 * unless the application chose, so a workflow cached by a stopped instance moves on to the next one.
 */
@ExtendWith(OutputCaptureExtension.class)
class TestServerStickyExecutionTests {

	private static final String NOTICE = "is the SDK's test server (it reports no server version)";

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
	void stickyExecutionIsOffUnlessChosen(CapturedOutput output) {
		runner().withUserConfiguration(ApprovalFixtures.class)
			.withPropertyValues("temporal.target=" + server.target(), "temporal.workers.approvals.identity=x")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(stickyTimeout(context.getBean(WorkerFactory.class))).isZero();
				assertThat(output).containsOnlyOnce(NOTICE).contains("Sticky execution is off for [approvals]");
			});
	}

	@Test
	void anExplicitChoiceIsKept(CapturedOutput output) {
		runner().withUserConfiguration(ApprovalFixtures.class)
			.withPropertyValues("temporal.target=" + server.target(), "temporal.workers.approvals.identity=x",
					"temporal.worker-defaults.sticky-queue-schedule-to-start-timeout=5s")
			.run((context) -> {
				assertThat(stickyTimeout(context.getBean(WorkerFactory.class))).isEqualTo(Duration.ofSeconds(5));
				assertThat(output).doesNotContain(NOTICE);
			});
	}

	@Test
	void theEmbeddedServerIsNotAsked(CapturedOutput output) {
		runner().withUserConfiguration(ApprovalFixtures.class)
			.withPropertyValues("temporal.target=embedded", "temporal.workers.approvals.identity=x")
			.run((context) -> {
				assertThat(stickyTimeout(context.getBean(WorkerFactory.class))).isEqualTo(Duration.ofSeconds(5));
				assertThat(output).doesNotContain(NOTICE);
			});
	}

	@Test
	void aWorkflowCachedByAStoppedInstanceMovesOnToTheNext() {
		String id = "approval-" + UUID.randomUUID();
		try (ConfigurableApplicationContext first = instance()) {
			WorkflowClient client = first.getBean(WorkflowClient.class);
			WorkflowStub stub = client.newUntypedWorkflowStub("Approval",
					WorkflowOptions.newBuilder().setTaskQueue("approvals").setWorkflowId(id).build());
			stub.start();
			// the first workflow task ran on this instance: it waits in Workflow.await
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> client.fetchHistory(id).getEvents().stream()
					.anyMatch((event) -> event.hasWorkflowTaskCompletedEventAttributes()));
		}
		try (ConfigurableApplicationContext second = instance()) {
			WorkflowStub stub = second.getBean(WorkflowClient.class).newUntypedWorkflowStub(id);
			stub.signal("approve", "second");
			// with sticky execution on, this task would wait on the first instance's sticky queue for ever
			assertThat(stub.getResult(30, java.util.concurrent.TimeUnit.SECONDS, String.class))
				.isEqualTo("approved by second");
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("the workflow did not move on to the second instance", ex);
		}
	}

	private static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(App.class).web(org.springframework.boot.WebApplicationType.NONE)
			.properties("temporal.target=" + server.target(), "temporal.workers.approvals.identity=instance",
					"spring.lifecycle.timeout-per-shutdown-phase=10s")
			.run();
	}

	private static Duration stickyTimeout(WorkerFactory factory) {
		return factory.getWorker("approvals").getWorkerOptions().getStickyQueueScheduleToStartTimeout();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ApprovalFixtures.class)
	static class App {

	}

}
