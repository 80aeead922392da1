package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.defaults.NoQueueActivities;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.invalid.NoInterfaceActivity;
import io.github.workerstarter.fixtures.invalid.NoInterfaceWorkflow;
import io.github.workerstarter.fixtures.invalid.SecondGreetingActivities;
import io.github.workerstarter.fixtures.invalid.UnknownQueueActivities;
import io.github.workerstarter.lifecycle.TemporalWorkerStates;
import io.github.workerstarter.lifecycle.TemporalWorkersLifecycle;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TemporalWorkerAutoConfigurationTests {

	@Test
	void scannedWorkflowAndActivityRunOnTheirQueue() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("greeting.word=Bonjour")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RegisteredWorker worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
				assertThat(worker.taskQueue()).isEqualTo("greetings");
				// names as the SDK derives them: explicit workflow name, activity name prefix
				assertThat(worker.workflowTypes()).containsExactly("Greet");
				assertThat(worker.activityTypes()).containsExactly("GreetingCompose");
				// the workflow instance was built by Spring: the injected word is used
				assertThat(greet(context, "greetings", "Ada")).isEqualTo("Bonjour, Ada!");
			});
	}

	@Test
	void oneWorkerPerConfiguredQueueWithDefaultsAndOverrides() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.worker-defaults.max-concurrent-activities=50",
					"temporal.worker-defaults.max-concurrent-workflow-tasks=40",
					"temporal.worker-defaults.activity-pollers=3", "temporal.workers.greetings.max-concurrent-activities=7",
					"temporal.workers.greetings.max-concurrent-local-activities=9",
					"temporal.workers.greetings.workflow-pollers=4",
					"temporal.workers.greetings.max-activities-per-second=12.5",
					"temporal.workers.greetings.max-task-queue-activities-per-second=30",
					"temporal.workers.greetings.sticky-queue-schedule-to-start-timeout=0s",
					"temporal.workers.audit.task-queue=audit-queue", "temporal.workers.audit.workflows=false")
			.run((context) -> {
				WorkerFactory factory = context.getBean(WorkerFactory.class);
				WorkerOptions greetings = factory.getWorker("greetings").getWorkerOptions();
				assertThat(greetings.getIdentity()).isEqualTo("test");
				assertThat(greetings.getMaxConcurrentActivityExecutionSize()).isEqualTo(7);
				assertThat(greetings.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(40);
				assertThat(greetings.getMaxConcurrentLocalActivityExecutionSize()).isEqualTo(9);
				assertThat(greetings.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(4);
				assertThat(greetings.getMaxConcurrentActivityTaskPollers()).isEqualTo(3);
				assertThat(greetings.getMaxWorkerActivitiesPerSecond()).isEqualTo(12.5);
				assertThat(greetings.getMaxTaskQueueActivitiesPerSecond()).isEqualTo(30);
				assertThat(greetings.getStickyQueueScheduleToStartTimeout()).isZero();
				assertThat(greetings.getAllowActivityHeartbeatDuringShutdown()).isTrue();
				// the second entry polls the queue named in task-queue, with the defaults only
				WorkerOptions audit = factory.getWorker("audit-queue").getWorkerOptions();
				assertThat(audit.getMaxConcurrentActivityExecutionSize()).isEqualTo(50);
				assertThat(audit.getIdentity()).isNotEqualTo("test");
				assertThat(context.getBean(TemporalWorkerRegistry.class).workers()).extracting(RegisteredWorker::taskQueue)
					.containsExactly("greetings", "audit-queue");
			});
	}

	@Test
	void placeholderInTheAnnotationMovesTheQueue() {
		runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.target=embedded", "greeting.queue=moved",
					"temporal.workers.moved.max-concurrent-activities=5")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(greet(context, "moved", "Bob")).isEqualTo("Hello, Bob!");
			});
	}

	@Test
	void placeholderWithCommasNamesSeveralQueues() {
		runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.target=embedded", "greeting.queue=eu, us",
					"temporal.workers.eu.identity=eu", "temporal.workers.us.identity=us")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(greet(context, "eu", "Eva")).isEqualTo("Hello, Eva!");
				assertThat(greet(context, "us", "Sam")).isEqualTo("Hello, Sam!");
			});
	}

	@Test
	void customizersRunAfterPropertiesInOrder() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, CustomizerConfiguration.class)
			.withPropertyValues("temporal.workers.greetings.max-concurrent-activities=7")
			.run((context) -> {
				WorkerOptions options = context.getBean(WorkerFactory.class).getWorker("greetings").getWorkerOptions();
				// first customizer sets 11, the second (later @Order) adds 1: properties come first, then order
				assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(12);
			});
	}

	@Test
	void userWorkerFactoryReplacesOurs() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, UserWorkerFactoryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(WorkerFactory.class);
				assertThat(context.getBean(WorkerFactory.class))
					.isSameAs(context.getBean(UserWorkerFactoryConfiguration.class).factory);
				assertThat(greet(context, "greetings", "Cy")).isEqualTo("Hello, Cy!");
			});
	}

	@Test
	void userRegistryAndLifecycleReplaceOurs() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, UserLifecycleConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(TemporalWorkersLifecycle.class);
				assertThat(context).getBean("myLifecycle").isSameAs(context.getBean(TemporalWorkersLifecycle.class));
				// health, the endpoint and the gauges read the states of the lifecycle in use
				assertThat(context.getBean(TemporalWorkerStates.class))
					.isSameAs(context.getBean(TemporalWorkersLifecycle.class).states());
			});
	}

	@Test
	void backsOffWithoutAWorkflowClient() {
		runner().withPropertyValues("temporal.target=embedded")
			.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(WorkflowClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WorkerFactory.class)
				.doesNotHaveBean(TemporalWorkerRegistry.class));
	}

	@Test
	void activityOnlyQueueRunsActivitiesAndRejectsWorkflows() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.workers.greetings.workflows=false")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("greetingWorkflowImpl")
					.contains("task queue 'greetings'")
					.contains("does not run workflows");
				assertThat(failure.getAction()).contains("workflows: false");
			});
		embeddedGreetingsRunner().withUserConfiguration(io.github.workerstarter.fixtures.greeting.GreetingActivitiesImpl.class)
			.withPropertyValues("temporal.workers.greetings.workflows=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RegisteredWorker worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
				assertThat(worker.workflowTypes()).isEmpty();
				assertThat(worker.activityTypes()).containsExactly("GreetingCompose");
			});
	}

	@Test
	void unknownQueueFailsNamingBeanQueueAndConfiguredQueues() {
		embeddedGreetingsRunner().withUserConfiguration(UnknownQueueActivities.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains(UnknownQueueActivities.class.getName())
				.contains("task queue 'greetngs'")
				.contains("Configured task queues: [greetings]");
			assertThat(failure.getAction()).contains("either rename the key temporal.workers.greetings to "
					+ "temporal.workers.greetngs").contains("or name 'greetings' in the bean");
		});
	}

	@Test
	void beanWithoutQueueGoesToTheOnlyConfiguredQueue() {
		embeddedGreetingsRunner().withUserConfiguration(NoQueueActivities.class)
			.run((context) -> assertThat(context.getBean(TemporalWorkerRegistry.class).workers().get(0).activityTypes())
				.containsExactly("GreetingCompose"));
	}

	@Test
	void beanWithoutQueueGoesToTheDefaultTaskQueue() {
		embeddedGreetingsRunner().withUserConfiguration(NoQueueActivities.class)
			.withPropertyValues("temporal.workers.other.identity=x", "temporal.default-task-queue=other")
			.run((context) -> {
				List<RegisteredWorker> workers = context.getBean(TemporalWorkerRegistry.class).workers();
				assertThat(workers).filteredOn((w) -> w.taskQueue().equals("other"))
					.singleElement()
					.satisfies((w) -> assertThat(w.activityTypes()).containsExactly("GreetingCompose"));
				assertThat(workers).filteredOn((w) -> w.taskQueue().equals("greetings"))
					.singleElement()
					.satisfies((w) -> assertThat(w.activityTypes()).isEmpty());
			});
	}

	@Test
	void beanWithoutQueueAndSeveralQueuesWithoutDefaultFails() {
		embeddedGreetingsRunner().withUserConfiguration(NoQueueActivities.class)
			.withPropertyValues("temporal.workers.other.identity=x")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("without taskQueues")
					.contains("2 task queues are configured [greetings, other]");
				assertThat(failure.getAction()).contains("temporal.default-task-queue");
			});
	}

	@Test
	void unknownDefaultTaskQueueFails() {
		embeddedGreetingsRunner().withUserConfiguration(NoQueueActivities.class)
			.withPropertyValues("temporal.default-task-queue=greeting")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.default-task-queue is 'greeting'");
				assertThat(failure.getAction()).contains("Did you mean 'greetings'?");
			});
	}

	@Test
	void workflowClassWithoutWorkflowInterfaceFails() {
		embeddedGreetingsRunner().withUserConfiguration(NoInterfaceWorkflow.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains(NoInterfaceWorkflow.class.getName())
				.contains("@WorkflowImpl but is not a valid implementation");
			assertThat(failure.getAction()).contains("implement an interface annotated @WorkflowInterface");
		});
	}

	@Test
	void activityBeanWithoutActivityInterfaceFails() {
		embeddedGreetingsRunner().withUserConfiguration(NoInterfaceActivity.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains(NoInterfaceActivity.class.getName())
				.contains("@ActivityImpl but is not a valid implementation");
			assertThat(failure.getAction()).contains("@ActivityInterface");
		});
	}

	@Test
	void sameActivityTypeTwiceOnOneQueueFails() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, SecondGreetingActivities.class)
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("Task queue 'greetings'")
					.contains("activity type 'GreetingCompose'")
					.contains("greetingActivitiesImpl")
					.contains(SecondGreetingActivities.class.getName());
			});
	}

	@Test
	void twoEntriesOnOneQueueFail() {
		embeddedGreetingsRunner().withPropertyValues("temporal.workers.copy.task-queue=greetings").run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("temporal.workers.greetings")
				.contains("temporal.workers.copy")
				.contains("task queue 'greetings'");
		});
	}

	@Test
	void configuredQueueThatNoBeanServesIsAWarningNotAnError(CapturedOutput output) {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.workers.idle.identity=x")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Temporal worker for task queue 'idle' has nothing to run")
					.contains("Remove temporal.workers.idle or annotate a bean with it.");
			});
	}

	@Test
	void beanWithoutQueueAndNoQueueConfiguredFails() {
		runner().withPropertyValues("temporal.target=embedded").withUserConfiguration(NoQueueActivities.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("without taskQueues, but no task queue is configured");
			assertThat(failure.getAction()).contains("Configure a worker under temporal.workers.<task-queue>");
		});
	}

	@Test
	void unresolvablePlaceholderInTheAnnotationFails() {
		embeddedGreetingsRunner().withUserConfiguration(PlaceholderActivities.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("(taskQueues = \"${MISSING_QUEUE}\")")
				.contains("the placeholder cannot be resolved");
			assertThat(failure.getAction()).contains("${ORDER_TASK_QUEUE:order-task-queue}");
		});
	}

	@Test
	void activityOnAWorkflowOnlyQueueFails() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.workers.greetings.activities=false")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("greetingActivitiesImpl").contains("does not run activities");
				assertThat(failure.getAction()).contains("activities: false");
			});
	}

	@Test
	void sameWorkflowTypeTwiceOnOneQueueFails() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, SecondGreetingWorkflow.class)
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("two implementations of workflow type 'Greet'")
					.contains(SecondGreetingWorkflow.class.getName());
			});
	}

	@Test
	void drainTimeoutLongerThanTheShutdownPhaseFails() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.shutdown.drain-timeout=40s")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.shutdown.drain-timeout is 40000 ms")
					.contains("spring.lifecycle.timeout-per-shutdown-phase (30000 ms)");
				assertThat(failure.getAction()).contains("for example to 45s");
			});
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.shutdown.drain-timeout=40s", "spring.lifecycle.timeout-per-shutdown-phase=50s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void stickyDrainLongerThanTheDrainFails() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.shutdown.sticky-queue-drain-timeout=26s")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.shutdown.sticky-queue-drain-timeout is 26000 ms")
					.contains("drain timeout (25000 ms)");
			});
	}

	@Test
	void drainsLetWaitingPollsComeBackOnlyWhereACancelledOneCouldLoseATask() {
		ApplicationContextRunner remote = runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.target=localhost:1", "temporal.start-workers=false",
					"temporal.workers.greetings.identity=test");
		remote.run((context) -> assertThat(pollReturnTimeout(context)).isEqualTo(Duration.ofMillis(500)));
		remote.withPropertyValues("temporal.shutdown.poll-return-timeout=2s")
			.run((context) -> assertThat(pollReturnTimeout(context)).isEqualTo(Duration.ofSeconds(2)));
		// most of the drain is for the tasks in flight
		remote.withPropertyValues("temporal.shutdown.drain-timeout=600ms")
			.run((context) -> assertThat(pollReturnTimeout(context)).isEqualTo(Duration.ofMillis(300)));
		// a sticky-queue drain needs polling to go on
		remote.withPropertyValues("temporal.shutdown.sticky-queue-drain-timeout=2s")
			.run((context) -> assertThat(pollReturnTimeout(context)).isZero());
		// a task lost with the embedded server goes with it
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.run((context) -> assertThat(pollReturnTimeout(context)).isZero());
	}

	private static Duration pollReturnTimeout(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(TemporalWorkersLifecycle.class).settings().pollReturnTimeout();
	}

	@Test
	void taskQueueInTheDefaultsFails() {
		embeddedGreetingsRunner().withPropertyValues("temporal.worker-defaults.task-queue=greetings").run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("temporal.worker-defaults.task-queue is set to 'greetings'");
			assertThat(failure.getAction()).contains("temporal.workers.<name>.task-queue");
		});
	}

	@Test
	void workflowDeclaredAsSingletonBeanFails() {
		embeddedGreetingsRunner().withUserConfiguration(SingletonWorkflowConfiguration.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("'singletonWorkflow'").contains("singleton bean");
			assertThat(failure.getAction()).contains("prototype");
		});
	}

	@io.github.workerstarter.annotation.ActivityImpl(taskQueues = "${MISSING_QUEUE}")
	static class PlaceholderActivities extends io.github.workerstarter.fixtures.greeting.GreetingActivitiesImpl {

	}

	@io.github.workerstarter.annotation.WorkflowImpl(taskQueues = "greetings")
	static class SecondGreetingWorkflow implements io.github.workerstarter.fixtures.greeting.GreetingWorkflow {

		@Override
		public String greet(String name) {
			return name;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		WorkerOptionsCustomizer addOne() {
			return (queue, builder) -> builder
				.setMaxConcurrentActivityExecutionSize(builder.build().getMaxConcurrentActivityExecutionSize() + 1);
		}

		@Bean
		@Order(1)
		WorkerOptionsCustomizer setEleven() {
			return (queue, builder) -> {
				assertThat(builder.build().getMaxConcurrentActivityExecutionSize()).isEqualTo(7);
				builder.setMaxConcurrentActivityExecutionSize(11);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserWorkerFactoryConfiguration {

		WorkerFactory factory;

		@Bean
		WorkerFactory myWorkerFactory(WorkflowClient client) {
			this.factory = WorkerFactory.newInstance(client);
			return this.factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserLifecycleConfiguration {

		@Bean
		TemporalWorkersLifecycle myLifecycle(WorkerFactory factory, TemporalWorkerRegistry registry,
				io.github.workerstarter.connection.ServerProbe probe,
				io.github.workerstarter.lifecycle.InFlightActivities inFlight) {
			return new TemporalWorkersLifecycle(factory, registry, probe, inFlight,
					new TemporalWorkersLifecycle.Settings(java.time.Duration.ofSeconds(1), false,
							java.time.Duration.ofSeconds(1)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SingletonWorkflowConfiguration {

		@Bean
		PlainGreetingWorkflow singletonWorkflow() {
			return new PlainGreetingWorkflow();
		}

	}

	@io.github.workerstarter.annotation.WorkflowImpl(taskQueues = "greetings")
	static class PlainGreetingWorkflow implements io.github.workerstarter.fixtures.greeting.GreetingWorkflow {

		@Override
		public String greet(String name) {
			return name;
		}

	}

}
