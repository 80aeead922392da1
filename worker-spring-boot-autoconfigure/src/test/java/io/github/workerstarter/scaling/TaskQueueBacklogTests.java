package io.github.workerstarter.scaling;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueueStats;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.metrics.TemporalTaskQueueBacklogAutoConfiguration;
import io.github.workerstarter.testing.TaskQueueStatsServer;
import io.github.workerstarter.testing.TaskQueueStatsServerConfiguration;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backlog gauges against a real gRPC server that answers DescribeTaskQueue with known stats
 * ({@link TaskQueueStatsServer}, in front of the embedded test server, which does not implement the call and runs
 * everything else), and against the test server alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskQueueBacklogTests {

	private static final TaskQueueStats WORKFLOW_BACKLOG = TaskQueueStats.newBuilder()
		.setApproximateBacklogCount(7)
		.setApproximateBacklogAge(Durations.fromMillis(12_500))
		.setTasksAddRate(1.5f)
		.setTasksDispatchRate(0.5f)
		.build();

	private static final TaskQueueStats ACTIVITY_BACKLOG = TaskQueueStats.newBuilder()
		.setApproximateBacklogCount(42)
		.setApproximateBacklogAge(Durations.fromSeconds(3))
		.setTasksAddRate(4f)
		.setTasksDispatchRate(2f)
		.build();

	private static ApplicationContextRunner runner(MeterRegistry registry) {
		return embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					TemporalTaskQueueBacklogAutoConfiguration.class))
			.withBean(MeterRegistry.class, () -> registry)
			.withPropertyValues("temporal.scaling.backlog.interval=500ms", "temporal.scaling.backlog.timeout=500ms");
	}

	@Test
	void eachPolledQueueAndTaskTypeHasItsBacklogAsGauges() {
		MeterRegistry registry = new SimpleMeterRegistry();
		runner(registry).withUserConfiguration(TaskQueueStatsServerConfiguration.class).run((context) -> {
			TaskQueueStatsServer server = context.getBean(TaskQueueStatsServer.class);
			server.answer("greetings", TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, WORKFLOW_BACKLOG);
			server.answer("greetings", TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY, ACTIVITY_BACKLOG);
			// everything but the one call reaches the test server: workers poll and complete a workflow
			assertThat(greet(context, "greetings", "Ada")).isEqualTo("Hello, Ada!");

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(value(registry, "temporal_task_queue_backlog_count", "activity"))
					.isEqualTo(42));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(value(registry, "temporal_task_queue_backlog_count", "workflow"))
					.isEqualTo(7));
			assertThat(value(registry, "temporal_task_queue_backlog_age_seconds", "workflow")).isEqualTo(12.5);
			assertThat(value(registry, "temporal_task_queue_tasks_add_rate", "workflow")).isEqualTo(1.5);
			assertThat(value(registry, "temporal_task_queue_tasks_dispatch_rate", "workflow")).isEqualTo(0.5);
			assertThat(value(registry, "temporal_task_queue_backlog_age_seconds", "activity")).isEqualTo(3);
			assertThat(value(registry, "temporal_task_queue_tasks_add_rate", "activity")).isEqualTo(4);
			assertThat(value(registry, "temporal_task_queue_tasks_dispatch_rate", "activity")).isEqualTo(2);
			assertThat(registry.get("temporal_task_queue_backlog_count").gauges())
				.allSatisfy((gauge) -> assertThat(gauge.getId().getTag("namespace")).isEqualTo("default"));

			// the request the server got: this namespace, the normal queue (not the sticky one), with stats
			DescribeTaskQueueRequest request = server.requests().get(0);
			assertThat(request.getNamespace()).isEqualTo("default");
			assertThat(request.getTaskQueue().getName()).isEqualTo("greetings");
			assertThat(request.getTaskQueue().getKind()).isEqualTo(TaskQueueKind.TASK_QUEUE_KIND_NORMAL);
			assertThat(request.getReportStats()).isTrue();
		});
	}

	@Test
	void onlyQueuesThisInstancePollsAreAskedAbout() {
		MeterRegistry registry = new SimpleMeterRegistry();
		runner(registry).withUserConfiguration(TaskQueueStatsServerConfiguration.class)
			// a disabled worker, and one no bean names (it does not poll)
			.withPropertyValues("temporal.workers.elsewhere.enabled=false", "temporal.workers.unused.identity=x",
					"temporal.workers.payments.activity-beans=greetingActivitiesImpl",
					"temporal.workers.payments.workflows=false")
			.run((context) -> {
				TaskQueueStatsServer server = context.getBean(TaskQueueStatsServer.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().size() >= 6);
				Set<String> asked = server.requests()
					.stream()
					.map((request) -> request.getTaskQueue().getName() + " " + request.getTaskQueueType())
					.collect(Collectors.toSet());
				// an activity-only worker is asked about activity tasks only
				assertThat(asked).containsExactlyInAnyOrder("greetings TASK_QUEUE_TYPE_WORKFLOW",
						"greetings TASK_QUEUE_TYPE_ACTIVITY", "payments TASK_QUEUE_TYPE_ACTIVITY");
			});
	}

	@Test
	void gaugesDisappearWhenTheServerStopsAnsweringAndComeBackWithIt(CapturedOutput output) {
		MeterRegistry registry = new SimpleMeterRegistry();
		runner(registry).withUserConfiguration(TaskQueueStatsServerConfiguration.class).run((context) -> {
			TaskQueueStatsServer server = context.getBean(TaskQueueStatsServer.class);
			server.answer("greetings", TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY, ACTIVITY_BACKLOG);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> backlogGauges(registry, "activity").gauges().size() == 4);

			server.fail("greetings", TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY, Status.UNAVAILABLE);
			// three intervals without an answer: a number nobody measured lately is no longer published
			await().atMost(Duration.ofSeconds(10)).until(() -> backlogGauges(registry, "activity").gauges().isEmpty());
			assertThat(output).contains("Could not read the backlog of task queue 'greetings' (activity tasks)");
			assertThat(backlogGauges(registry, "workflow").gauges()).hasSize(4);

			server.answer("greetings", TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY, ACTIVITY_BACKLOG);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(value(registry, "temporal_task_queue_backlog_count", "activity"))
					.isEqualTo(42));
			assertThat(context).hasNotFailed();
		});
	}

	@Test
	void serverWithoutDescribeTaskQueueGivesNoGaugesAndFailsNothing(CapturedOutput output) {
		MeterRegistry registry = new SimpleMeterRegistry();
		// the SDK's test server alone: it answers UNIMPLEMENTED
		runner(registry).run((context) -> {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> output.toString().contains("No task queue backlog gauges for namespace 'default'"));
			assertThat(output).contains("it does not implement DescribeTaskQueue (UNIMPLEMENTED");
			assertThat(registry.find("temporal_task_queue_backlog_count").gauges()).isEmpty();
			assertThat(greet(context, "greetings", "Ada")).isEqualTo("Hello, Ada!");
			assertThat(context).hasNotFailed();
		});
	}

	@Test
	void offByPropertyOrWithoutMetrics() {
		runner(new SimpleMeterRegistry()).withPropertyValues("temporal.scaling.backlog.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TaskQueueBacklogMonitor.class));
		runner(new SimpleMeterRegistry()).withPropertyValues("temporal.metrics.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TaskQueueBacklogMonitor.class));
	}

	@Test
	void aTimeoutLongerThanTheIntervalFailsStartupNamingBoth() {
		runner(new SimpleMeterRegistry())
			.withPropertyValues("temporal.scaling.backlog.interval=5s", "temporal.scaling.backlog.timeout=10s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("temporal.scaling.backlog.timeout is PT10S")
				.hasMessageContaining("no longer than temporal.scaling.backlog.interval (PT5S)"));
	}

	private static Search backlogGauges(MeterRegistry registry, String type) {
		return Search.in(registry)
			.name((name) -> name.startsWith("temporal_task_queue_"))
			.tag("task_queue", "greetings")
			.tag("task_queue_type", type);
	}

	// NaN while the gauge is absent
	private static double value(MeterRegistry registry, String name, String type) {
		Gauge gauge = registry.find(name).tag("task_queue", "greetings").tag("task_queue_type", type).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

}
