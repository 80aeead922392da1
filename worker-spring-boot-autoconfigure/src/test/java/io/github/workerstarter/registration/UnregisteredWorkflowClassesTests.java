package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.claims.ClaimsFixtures;
import io.github.workerstarter.fixtures.claims.forgotten.ForgottenAnnotationApplication;
import io.github.workerstarter.fixtures.claims.forgotten.UnannotatedClaimWorkflow;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow class without {@code @WorkflowImpl} in the application's packages is no bean and on no worker: the
 * queue's worker starts with no workflows and every claim waits for ever. The starter says so at startup, and says
 * it too when a worker entry names such a class in {@code workflow-beans}.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnregisteredWorkflowClassesTests {

	private static ApplicationContextRunner claims() {
		return runner().withPropertyValues("temporal.target=embedded", "temporal.workers.claims.identity=claims",
				"temporal.workers.payouts.identity=payouts");
	}

	@Test
	void aWorkflowClassWithoutItsAnnotationIsReportedByName(CapturedOutput output) {
		claims().withUserConfiguration(ForgottenAnnotationApplication.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains(UnannotatedClaimWorkflow.class.getName() + " implements workflow interface "
					+ "ClaimWorkflow but is not a bean, so no worker runs it: workflows of that type would wait for ever. "
					+ "Did you forget @WorkflowImpl on UnannotatedClaimWorkflow?");
		});
	}

	@Test
	void aRegisteredWorkflowClassIsNotReported(CapturedOutput output) {
		claims().withUserConfiguration(ForgottenAnnotationApplication.class, ClaimsFixtures.class)
			.withPropertyValues("temporal.activity-defaults.start-to-close-timeout=30s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("UnannotatedClaimWorkflow").doesNotContain("ClaimWorkflowImpl implements");
			});
	}

	@Test
	void workflowBeansNamingTheClassByItsFullNameSaysItIsNoBean() {
		claims().withUserConfiguration(ForgottenAnnotationApplication.class)
			.withPropertyValues("temporal.workers.claims.workflow-beans=" + UnannotatedClaimWorkflow.class.getName())
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).isEqualTo("Property temporal.workers.claims.workflow-beans names '"
						+ UnannotatedClaimWorkflow.class.getName() + "': class " + UnannotatedClaimWorkflow.class.getName()
						+ " exists but is not a bean, and workflow-beans takes the names of beans.");
				assertThat(failure.getAction()).startsWith("Annotate UnannotatedClaimWorkflow with "
						+ "@WorkflowImpl(taskQueues = \"claims\") (then it needs no entry in "
						+ "temporal.workers.claims.workflow-beans), or declare a prototype @Bean of it");
			});
	}

	@Test
	void workflowBeansNamingTheClassByItsSimpleNameSaysItIsNoBean() {
		claims().withUserConfiguration(ForgottenAnnotationApplication.class)
			.withPropertyValues("temporal.workers.claims.workflow-beans=UnannotatedClaimWorkflow")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("class " + UnannotatedClaimWorkflow.class.getName() + " exists but is not a bean"));
	}

}
