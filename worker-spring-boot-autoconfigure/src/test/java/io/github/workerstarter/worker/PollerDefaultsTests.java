package io.github.workerstarter.worker;

import java.util.ArrayList;
import java.util.List;

import io.grpc.stub.StreamObserver;
import io.temporal.api.namespace.v1.NamespaceInfo;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.tuning.PollerBehaviorAutoscaling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.FrontendStandIn;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pollers of workers that leave theirs unset ({@code temporal.pollers}): the SDK's 5 and 5 with one or two
 * queues, a share of the budget with many, explicit settings and customizers untouched, autoscaling where the server
 * advertises it. Read back from the built workers.
 */
@ExtendWith(OutputCaptureExtension.class)
class PollerDefaultsTests {

	/** {@code greetings} plus {@code count - 1} more queues, each running the greeting workflow and activity. */
	private static ApplicationContextRunner queues(int count) {
		List<String> properties = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			properties.add("temporal.workers.q" + i + ".workflow-beans=greetingWorkflowImpl");
			properties.add("temporal.workers.q" + i + ".activity-beans=greetingActivitiesImpl");
		}
		return embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues(properties.toArray(String[]::new));
	}

	@Test
	void oneOrTwoQueuesKeepTheSdkDefaults() {
		queues(2).run((context) -> {
			assertThat(context).hasNotFailed();
			for (String queue : List.of("greetings", "q1")) {
				WorkerOptions options = options(context, queue);
				assertThat(options.getMaxConcurrentWorkflowTaskPollers()).as(queue).isEqualTo(5);
				assertThat(options.getMaxConcurrentActivityTaskPollers()).as(queue).isEqualTo(5);
				assertThat(options.getWorkflowTaskPollersBehavior()).as(queue).isNull();
			}
		});
	}

	@Test
	void manyQueuesShareTheBudgetDownToWhatAnIdleQueueNeeds(CapturedOutput output) {
		queues(12).run((context) -> {
			assertThat(context).hasNotFailed();
			for (String queue : List.of("greetings", "q1", "q11")) {
				assertThat(options(context, queue).getMaxConcurrentWorkflowTaskPollers()).as(queue).isEqualTo(2);
				assertThat(options(context, queue).getMaxConcurrentActivityTaskPollers()).as(queue).isEqualTo(1);
			}
			assertThat(output).contains("12 workers poll workflow tasks and 12 activity tasks, sharing "
					+ "temporal.pollers.budget=10: 2 workflow and 1 activity pollers each")
				.contains("pollers workflow=2 activity=1");
			// and a worker with the fewest pollers still runs workflows
			assertThat(greet(context, "q11", "Ada")).isEqualTo("Hello, Ada!");
		});
		queues(4).run((context) -> {
			assertThat(options(context, "q3").getMaxConcurrentWorkflowTaskPollers()).isEqualTo(2);
			assertThat(options(context, "q3").getMaxConcurrentActivityTaskPollers()).isEqualTo(2);
		});
	}

	@Test
	void pollersSetByPropertiesOrCustomizersAreKeptAndLeaveTheBudgetToTheOthers() {
		queues(12).withPropertyValues("temporal.worker-defaults.workflow-pollers=3",
				"temporal.workers.q1.activity-pollers=4", "temporal.workers.q2.activity-poller-autoscaling.max=9")
			.withBean(WorkerOptionsCustomizer.class, () -> (taskQueue, builder) -> {
				if (taskQueue.equals("q3")) {
					builder.setActivityTaskPollersBehavior(new PollerBehaviorAutoscaling(1, 3, 1));
				}
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(options(context, "greetings").getMaxConcurrentWorkflowTaskPollers()).isEqualTo(3);
				assertThat(options(context, "q1").getMaxConcurrentActivityTaskPollers()).isEqualTo(4);
				assertThat(options(context, "q2").getActivityTaskPollersBehavior())
					.isInstanceOfSatisfying(PollerBehaviorAutoscaling.class,
							(scaling) -> assertThat(scaling.getMaxConcurrentTaskPollers()).isEqualTo(9));
				// the customizer's choice, not ours next to it (the SDK would refuse both)
				assertThat(options(context, "q3").getActivityTaskPollersBehavior())
					.isInstanceOfSatisfying(PollerBehaviorAutoscaling.class,
							(scaling) -> assertThat(scaling.getMaxConcurrentTaskPollers()).isEqualTo(3));
				assertThat(options(context, "q4").getMaxConcurrentActivityTaskPollers()).isEqualTo(1);
			});
	}

	@Test
	void budgetZeroGivesEveryWorkerTheSdkDefaults() {
		queues(12).withPropertyValues("temporal.pollers.budget=0").run((context) -> {
			assertThat(options(context, "q11").getMaxConcurrentWorkflowTaskPollers()).isEqualTo(5);
			assertThat(options(context, "q11").getMaxConcurrentActivityTaskPollers()).isEqualTo(5);
		});
	}

	@Test
	void aNegativeBudgetFailsStartupWithTheFix() {
		queues(1).withPropertyValues("temporal.pollers.budget=-1")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getAction())
				.contains("Set temporal.pollers.budget to 0"));
	}

	@Test
	void whereTheNamespaceAdvertisesAutoscalingWorkersAutoscale(CapturedOutput output) {
		runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.workers.greetings.identity=x",
					"temporal.workers.fixed.activity-beans=greetingActivitiesImpl",
					"temporal.workers.fixed.workflows=false", "temporal.workers.fixed.activity-pollers=2")
			.withBean(WorkflowServiceStubs.class, PollerDefaultsTests::serverAdvertisingAutoscaling)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WorkerOptions options = options(context, "greetings");
				assertThat(options.getWorkflowTaskPollersBehavior()).isInstanceOf(PollerBehaviorAutoscaling.class);
				assertThat(options.getActivityTaskPollersBehavior()).isInstanceOfSatisfying(
						PollerBehaviorAutoscaling.class, (scaling) -> {
							// the SDK's own autoscaling defaults
							assertThat(scaling.getMinConcurrentTaskPollers()).isEqualTo(1);
							assertThat(scaling.getMaxConcurrentTaskPollers()).isEqualTo(100);
							assertThat(scaling.getInitialConcurrentTaskPollers()).isEqualTo(5);
						});
				assertThat(options(context, "fixed").getMaxConcurrentActivityTaskPollers()).isEqualTo(2);
				assertThat(output).contains("Temporal namespace 'default' advertises poller autoscaling");
			});
	}

	@Test
	void autoscalingOffByPropertyFallsBackToTheBudget() {
		List<String> many = new ArrayList<>(List.of("temporal.target=127.0.0.1:7233",
				"temporal.workers.greetings.identity=x", "temporal.pollers.autoscaling=false"));
		for (int i = 1; i < 10; i++) {
			many.add("temporal.workers.q" + i + ".activity-beans=greetingActivitiesImpl");
			many.add("temporal.workers.q" + i + ".workflows=false");
		}
		runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues(many.toArray(String[]::new))
			.withBean(WorkflowServiceStubs.class, PollerDefaultsTests::serverAdvertisingAutoscaling)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// one worker runs workflows: it keeps the SDK's 5; ten share the activity budget
				assertThat(options(context, "greetings").getWorkflowTaskPollersBehavior()).isNull();
				assertThat(options(context, "greetings").getMaxConcurrentWorkflowTaskPollers()).isEqualTo(5);
				assertThat(options(context, "q9").getMaxConcurrentActivityTaskPollers()).isEqualTo(1);
			});
	}

	// a frontend whose namespace advertises poller autoscaling; workers poll it in vain, which is not the point here
	private static WorkflowServiceStubs serverAdvertisingAutoscaling() {
		return WorkflowServiceStubs.newInstance(new FrontendStandIn() {
			@Override
			public void describeNamespace(DescribeNamespaceRequest request,
					StreamObserver<DescribeNamespaceResponse> observer) {
				observer.onNext(DescribeNamespaceResponse.newBuilder()
					.setNamespaceInfo(NamespaceInfo.newBuilder()
						.setName(request.getNamespace())
						.setCapabilities(NamespaceInfo.Capabilities.newBuilder().setPollerAutoscaling(true)))
					.build());
				observer.onCompleted();
			}
		}, WorkflowServiceStubsOptions.newBuilder().build());
	}

	private static WorkerOptions options(ApplicationContext context, String queue) {
		return context.getBean(WorkerFactory.class).getWorker(queue).getWorkerOptions();
	}

}
