package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.workerstarter.fixtures.claims.ClaimWorkflowImpl;
import io.github.workerstarter.fixtures.claims.ClaimsFixtures;
import io.github.workerstarter.fixtures.claims.PayoutActivitiesImpl;
import io.github.workerstarter.fixtures.claims.queued.QueuedClaimWorkflowImpl;

import static io.github.workerstarter.TemporalTestSupport.runWorkflow;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims workflow on queue {@code claims} calls the payout activity, registered only on queue {@code payouts}.
 * With no task queue in the stub's options or in {@code temporal.activities.PayOut}, each call is scheduled on
 * {@code claims}, where no worker runs it, and waits for ever: startup says so, naming both queues and the fixes.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActivityTaskQueuesTests {

	private static final String WARNING = "calls activity type 'PayOut' (PayoutActivities) with no task queue in its "
			+ "options, so each call is scheduled on 'claims'";

	private static ApplicationContextRunner claimsAndPayouts() {
		return runner().withPropertyValues("temporal.target=embedded", "temporal.workers.claims.identity=claims",
				"temporal.workers.payouts.identity=payouts", "temporal.activities.PayOut.start-to-close-timeout=30s");
	}

	@Test
	void anActivityRegisteredOnlyOnAnotherQueueAndCalledWithoutAQueueIsReported(CapturedOutput output) {
		claimsAndPayouts().withUserConfiguration(ClaimsFixtures.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Workflow ClaimWorkflow of bean '" + ClaimWorkflowImpl.class.getName() + "' ("
					+ ClaimWorkflowImpl.class.getName() + ") on task queue 'claims' " + WARNING
					+ "; this application registers 'PayOut' only on task queue 'payouts', and no worker on 'claims' "
					+ "runs it: the call would wait in ACTIVITY_TASK_SCHEDULED for ever. Name the queue in the stub's "
					+ "options (ActivityOptions.newBuilder().setTaskQueue(\"payouts\")) or in "
					+ "temporal.activities.PayOut.task-queue=payouts, or register the activity on 'claims' too.");
		});
	}

	@Test
	void theQueueInTemporalActivitiesIsEnoughAndTheClaimIsPaid(CapturedOutput output) {
		claimsAndPayouts().withUserConfiguration(ClaimsFixtures.class)
			.withPropertyValues("temporal.activities.PayOut.task-queue=payouts")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(runWorkflow(context, "ClaimWorkflow", "claims", "c-1")).isEqualTo("paid c-1");
				assertThat(output).doesNotContain(WARNING);
			});
	}

	@Test
	void theQueueSetInTheWorkflowsOwnOptionsIsEnoughAndTheClaimIsPaid(CapturedOutput output) {
		claimsAndPayouts().withUserConfiguration(QueuedClaimWorkflowImpl.class, PayoutActivitiesImpl.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(runWorkflow(context, "ClaimWorkflow", "claims", "c-2")).isEqualTo("paid c-2");
				assertThat(output).doesNotContain(WARNING);
			});
	}

}
