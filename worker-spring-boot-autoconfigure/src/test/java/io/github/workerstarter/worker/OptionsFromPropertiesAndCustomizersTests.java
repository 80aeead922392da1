package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.util.Durations;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingWorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the server and the SDK from {@code temporal.activities.*}, customizers and interceptor beans, read
 * back from workflow histories and from the calls the interceptors see.
 */
class OptionsFromPropertiesAndCustomizersTests {

	@Test
	void activityOptionsByTypeOverrideTheStubsOptions() {
		// the fixture's stub sets start-to-close 10 s and no retry policy; properties win field by field
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.activities.GreetingCompose.start-to-close-timeout=7s",
					"temporal.activities.GreetingCompose.retry.maximum-attempts=4",
					"temporal.activities.GreetingCompose.retry.initial-interval=2s",
					"temporal.activities.GreetingCompose.retry.do-not-retry=ValidationError,IllegalStateException")
			.run((context) -> {
				ActivityTaskScheduledEventAttributes scheduled = greetAndReadSchedule(context);
				assertThat(Durations.toSeconds(scheduled.getStartToCloseTimeout())).isEqualTo(7);
				assertThat(scheduled.getRetryPolicy().getMaximumAttempts()).isEqualTo(4);
				assertThat(Durations.toSeconds(scheduled.getRetryPolicy().getInitialInterval())).isEqualTo(2);
				assertThat(scheduled.getRetryPolicy().getNonRetryableErrorTypesList())
					.containsExactly("ValidationError", "IllegalStateException");
			});
	}

	@Test
	void withoutPropertiesTheStubsOptionsApply() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class).run((context) -> {
			ActivityTaskScheduledEventAttributes scheduled = greetAndReadSchedule(context);
			assertThat(Durations.toSeconds(scheduled.getStartToCloseTimeout())).isEqualTo(10);
		});
	}

	@Test
	void workflowImplementationOptionsCustomizerIsApplied() {
		Map<String, Class<?>> seen = new HashMap<>();
		WorkflowImplementationOptionsCustomizer customizer = (queue, implementation, builder) -> {
			seen.put(queue, implementation);
			Map<String, ActivityOptions> options = new HashMap<>(builder.build().getActivityOptions());
			options.put("GreetingCompose", ActivityOptions.newBuilder()
				.setScheduleToCloseTimeout(Duration.ofSeconds(20))
				.build()
				.toBuilder()
				.mergeActivityOptions(options.get("GreetingCompose"))
				.build());
			builder.setActivityOptions(options);
		};
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.activities.GreetingCompose.start-to-close-timeout=7s")
			.withBean(WorkflowImplementationOptionsCustomizer.class, () -> customizer)
			.run((context) -> {
				ActivityTaskScheduledEventAttributes scheduled = greetAndReadSchedule(context);
				assertThat(seen).containsEntry("greetings", GreetingWorkflowImpl.class);
				assertThat(Durations.toSeconds(scheduled.getScheduleToCloseTimeout())).isEqualTo(20);
				assertThat(Durations.toSeconds(scheduled.getStartToCloseTimeout())).isEqualTo(7);
			});
	}

	@Test
	void interceptorBeansAndFactoryCustomizersAreApplied() {
		AtomicInteger clientCalls = new AtomicInteger();
		AtomicInteger beanActivityCalls = new AtomicInteger();
		AtomicInteger customizerActivityCalls = new AtomicInteger();
		WorkflowClientInterceptor clientInterceptor = new WorkflowClientInterceptorBase() {
			@Override
			public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
				clientCalls.incrementAndGet();
				return next;
			}
		};
		WorkerFactoryOptionsCustomizer addInterceptor = (builder) -> {
			WorkerInterceptor[] current = builder.build().getWorkerInterceptors();
			WorkerInterceptor[] more = java.util.Arrays.copyOf(current, current.length + 1);
			more[current.length] = counting(customizerActivityCalls);
			builder.setWorkerInterceptors(more);
		};
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean("clientInterceptor", WorkflowClientInterceptor.class, () -> clientInterceptor)
			.withBean("workerInterceptor", WorkerInterceptor.class, () -> counting(beanActivityCalls))
			.withBean(WorkerFactoryOptionsCustomizer.class, () -> addInterceptor)
			.run((context) -> {
				greetAndReadSchedule(context);
				assertThat(clientCalls).hasPositiveValue();
				assertThat(beanActivityCalls).hasValue(1);
				assertThat(customizerActivityCalls).hasValue(1);
			});
	}

	private static WorkerInterceptor counting(AtomicInteger activityCalls) {
		return new WorkerInterceptorBase() {
			@Override
			public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
				return new ActivityInboundCallsInterceptorBase(next) {
					@Override
					public ActivityOutput execute(ActivityInput input) {
						activityCalls.incrementAndGet();
						return super.execute(input);
					}
				};
			}
		};
	}

	private static ActivityTaskScheduledEventAttributes greetAndReadSchedule(ApplicationContext context) {
		WorkflowClient client = context.getBean(WorkflowClient.class);
		WorkflowStub stub = client.newUntypedWorkflowStub("Greet",
				WorkflowOptions.newBuilder().setTaskQueue("greetings").build());
		String workflowId = stub.start("Ann").getWorkflowId();
		assertThat(stub.getResult(String.class)).isEqualTo("Hello, Ann!");
		return client.fetchHistory(workflowId)
			.getEvents()
			.stream()
			.filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
			.findFirst()
			.orElseThrow()
			.getActivityTaskScheduledEventAttributes();
	}

}
