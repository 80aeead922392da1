package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.claims.ClaimWorkflowImpl;
import io.github.workerstarter.fixtures.claims.ClaimsFixtures;
import io.github.workerstarter.fixtures.claims.PayoutActivitiesImpl;
import io.github.workerstarter.fixtures.claims.untyped.UntypedClaimWorkflowImpl;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runWorkflow;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims workflow in the main namespace calls the payout activity, whose worker a new user put under
 * {@code namespace: payments}. An activity always runs in its workflow's namespace, so every claim would wait in
 * {@code ACTIVITY_TASK_SCHEDULED} for ever with health UP; startup fails instead, naming the workflow, the activity
 * type, both namespaces and the ways out.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActivityNamespacesTests {

	private static ApplicationContextRunner claimsWithPayoutsInPayments() {
		return runner().withPropertyValues("temporal.target=embedded", "temporal.namespaces.payments.namespace=payments",
				"temporal.workers.claims.identity=claims", "temporal.workers.payouts.namespace=payments",
				"temporal.activities.PayOut.task-queue=payouts", "temporal.activities.PayOut.start-to-close-timeout=30s");
	}

	@Test
	void aPayoutWorkerInAnotherNamespaceThanTheClaimsWorkflowFailsStartup() {
		claimsWithPayoutsInPayments().withUserConfiguration(ClaimsFixtures.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage())
				.startsWith("Workflow ClaimWorkflow of bean '" + ClaimWorkflowImpl.class.getName() + "' ("
						+ ClaimWorkflowImpl.class.getName() + ") runs in namespace 'default' (temporal.namespace) and "
						+ "calls activity type 'PayOut' (PayoutActivities), which this application registers only in "
						+ "namespace 'payments' (temporal.workers.payouts).")
				.endsWith("An activity always runs in the namespace of the workflow that schedules it, so this call "
						+ "would wait in ACTIVITY_TASK_SCHEDULED for ever while health stays UP.");
			assertThat(failure.getAction())
				.startsWith("Either register the activity in the workflow's namespace too")
				.contains("or keep it in 'payments' and call it across namespaces through Nexus")
				.contains("README, \"Several namespaces\"");
		});
	}

	@Test
	void thePayoutAlsoRegisteredInTheWorkflowsNamespaceRuns() {
		claimsWithPayoutsInPayments().withUserConfiguration(ClaimsFixtures.class)
			.withPropertyValues("temporal.workers.payouts-main.task-queue=payouts")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(runWorkflow(context, "ClaimWorkflow", "claims", "c-1")).isEqualTo("paid c-1");
			});
	}

	@Test
	void aTypeNamedOnlyByAStringIsAWarningSinceTheScanCannotBeSure(CapturedOutput output) {
		claimsWithPayoutsInPayments().withUserConfiguration(UntypedClaimWorkflowImpl.class, PayoutActivitiesImpl.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Workflow ClaimWorkflow of bean 'untypedClaimWorkflowImpl' ("
						+ UntypedClaimWorkflowImpl.class.getName() + ") runs in namespace 'default' "
						+ "(temporal.namespace) and names 'PayOut' in its code, an activity type that this application "
						+ "registers only in namespace 'payments' (temporal.workers.payouts). If it calls that type");
			});
	}

}
