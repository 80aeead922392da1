package io.github.workerstarter.registration;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.claims.ClaimWorkflowImpl;
import io.github.workerstarter.fixtures.claims.ClaimsFixtures;
import io.github.workerstarter.worker.WorkflowImplementationOptionsCustomizer;
import io.temporal.activity.ActivityOptions;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runWorkflow;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims workflow creates its payout stub without options, as the README allows, and the payout's options live
 * in {@code temporal.activities}, under a key misspelt far enough to be only a warning: without the check every claim
 * would fail its workflow tasks at run time ("Both StartToCloseTimeout and ScheduleToCloseTimeout aren't
 * specified") and be stuck. Startup fails naming the workflow, the activity type and the property; one line of
 * {@code temporal.activity-defaults} fixes it.
 */
class ActivityTimeoutsTests {

	private static ApplicationContextRunner claims() {
		return runner().withUserConfiguration(ClaimsFixtures.class)
			.withPropertyValues("temporal.target=embedded", "temporal.workers.claims.identity=claims",
					"temporal.workers.payouts.identity=payouts");
	}

	@Test
	void aStubWithoutOptionsWhoseTypeHasNoTimeoutFailsStartupNamingTheProperty() {
		// the interface's name instead of the activity type's: too far for "did you mean", only a warning
		claims().withPropertyValues("temporal.activities.PayoutActivities.task-queue=payouts",
				"temporal.activities.PayoutActivities.start-to-close-timeout=30s")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).isEqualTo("Bean '" + ClaimWorkflowImpl.class.getName() + "' ("
						+ ClaimWorkflowImpl.class.getName() + ") on task queue 'claims' creates activity stubs without "
						+ "ActivityOptions (Workflow.newActivityStub(PayoutActivities.class)), and no options give activity "
						+ "type 'PayOut' a start-to-close or schedule-to-close timeout (neither "
						+ "temporal.activities.<ActivityType> nor temporal.activity-defaults; temporal.activities has "
						+ "options for [PayoutActivities] only). Every workflow task that calls it would fail with \"Both "
						+ "StartToCloseTimeout and ScheduleToCloseTimeout aren't specified\" and the workflow would be stuck.");
				assertThat(failure.getAction()).isEqualTo("Set temporal.activities.PayOut.start-to-close-timeout (the "
						+ "longest one attempt may take), or temporal.activity-defaults.start-to-close-timeout for every "
						+ "activity type, or pass ActivityOptions with a timeout to Workflow.newActivityStub in "
						+ "ClaimWorkflowImpl.");
			});
	}

	@Test
	void oneLineOfActivityDefaultsGivesEveryStubWithoutOptionsItsTimeout() {
		claims().withPropertyValues("temporal.activity-defaults.start-to-close-timeout=30s",
				"temporal.activities.PayOut.task-queue=payouts")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(runWorkflow(context, "ClaimWorkflow", "claims", "c-1")).isEqualTo("paid c-1");
			});
	}

	@Test
	void theTypesOwnTimeoutIsEnough() {
		claims().withPropertyValues("temporal.activities.PayOut.task-queue=payouts",
				"temporal.activities.PayOut.schedule-to-close-timeout=1m")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void defaultsSetByACustomizerCountToo() {
		claims().withUserConfiguration(DefaultsCustomizer.class)
			.withPropertyValues("temporal.activities.PayOut.task-queue=payouts")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class DefaultsCustomizer {

		@Bean
		WorkflowImplementationOptionsCustomizer activityDefaults() {
			return (taskQueue, workflowImplementation, builder) -> builder.setDefaultActivityOptions(
					ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
		}

	}

}
