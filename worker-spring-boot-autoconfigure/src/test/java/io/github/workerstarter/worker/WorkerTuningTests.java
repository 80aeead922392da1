package io.github.workerstarter.worker;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.tuning.PollerBehaviorAutoscaling;
import io.temporal.worker.tuning.ResourceBasedTuner;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

/** Tuning options reach the SDK (read back from the built workers) and their bad combinations are refused. */
class WorkerTuningTests {

	@Test
	void tunerAutoscalingAndEagerActivitiesReachTheWorker() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.workers.greetings.tuner.target-cpu-usage=0.8",
					"temporal.workers.greetings.tuner.target-memory-usage=0.7",
					"temporal.workers.greetings.workflow-poller-autoscaling.min=2",
					"temporal.workers.greetings.workflow-poller-autoscaling.max=8",
					"temporal.workers.greetings.workflow-poller-autoscaling.initial=3",
					"temporal.worker-defaults.activity-poller-autoscaling.max=6",
					"temporal.workers.greetings.eager-activities=false", "temporal.workflow-cache.max-instances=50")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WorkerOptions options = context.getBean(WorkerFactory.class).getWorker("greetings").getWorkerOptions();
				assertThat(options.getWorkerTuner()).isInstanceOf(ResourceBasedTuner.class);
				assertThat(options.getWorkflowTaskPollersBehavior()).isInstanceOfSatisfying(
						PollerBehaviorAutoscaling.class, (scaling) -> {
							assertThat(scaling.getMinConcurrentTaskPollers()).isEqualTo(2);
							assertThat(scaling.getMaxConcurrentTaskPollers()).isEqualTo(8);
							assertThat(scaling.getInitialConcurrentTaskPollers()).isEqualTo(3);
						});
				assertThat(options.getActivityTaskPollersBehavior()).isInstanceOfSatisfying(
						PollerBehaviorAutoscaling.class,
						(scaling) -> assertThat(scaling.getMaxConcurrentTaskPollers()).isEqualTo(6));
				assertThat(options.isEagerExecutionDisabled()).isTrue();
				// and the worker still runs workflows with them
				assertThat(greet(context, "greetings", "Tuned")).isEqualTo("Hello, Tuned!");
			});
	}

	@Test
	void virtualThreadsFollowBootsSwitchWhereTheJdkHasThem() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> {
				WorkerOptions options = context.getBean(WorkerFactory.class).getWorker("greetings").getWorkerOptions();
				boolean jdkHasVirtualThreads = Runtime.version().feature() >= 21;
				assertThat(options.isUsingVirtualThreadsOnActivityWorker()).isEqualTo(jdkHasVirtualThreads);
				assertThat(greet(context, "greetings", "Virtual")).isEqualTo("Hello, Virtual!");
			});
	}

	@Test
	void explicitVirtualThreadsNeedJava21() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.workers.greetings.virtual-threads=true")
			.run((context) -> {
				if (Runtime.version().feature() >= 21) {
					WorkerOptions options = context.getBean(WorkerFactory.class)
						.getWorker("greetings")
						.getWorkerOptions();
					assertThat(options.isUsingVirtualThreadsOnWorkflowWorker()).isTrue();
					return;
				}
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage())
					.contains("temporal.workers.greetings.virtual-threads is true, but this JVM is Java "
							+ Runtime.version().feature());
				assertThat(failure.getAction()).contains("Run on Java 21+");
			});
	}

	@Test
	void tunerWithFixedSlotCountsFails() {
		embeddedGreetingsRunner()
			.withPropertyValues("temporal.workers.greetings.tuner.target-cpu-usage=0.8",
					"temporal.workers.greetings.tuner.target-memory-usage=0.8",
					"temporal.worker-defaults.max-concurrent-activities=10")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("Worker temporal.workers.greetings has a resource-based tuner and fixed max-concurrent-* slot counts");
			});
	}

	@Test
	void tunerTargetOutOfRangeFails() {
		embeddedGreetingsRunner()
			.withPropertyValues("temporal.workers.greetings.tuner.target-cpu-usage=80",
					"temporal.workers.greetings.tuner.target-memory-usage=0.8")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("Property temporal.workers.greetings.tuner.target-cpu-usage is 80.0; a target usage is a share"));
	}

	@Test
	void autoscalingWithFixedPollersFails() {
		embeddedGreetingsRunner()
			.withPropertyValues("temporal.workers.greetings.activity-pollers=4",
					"temporal.workers.greetings.activity-poller-autoscaling.max=10")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("sets both activity-pollers (4) and activity-poller-autoscaling"));
	}

	@Test
	void autoscalingMinAboveMaxFails() {
		embeddedGreetingsRunner()
			.withPropertyValues("temporal.workers.greetings.workflow-poller-autoscaling.min=10",
					"temporal.workers.greetings.workflow-poller-autoscaling.max=4")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage())
					.contains("temporal.workers.greetings.workflow-poller-autoscaling has min=10, max=4");
				assertThat(failure.getAction()).contains("1 <= min <= initial <= max");
			});
	}

	@Test
	void negativeWorkflowCacheFails() {
		embeddedGreetingsRunner().withPropertyValues("temporal.workflow-cache.max-threads=0")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("Property temporal.workflow-cache.max-threads is 0"));
	}

}
