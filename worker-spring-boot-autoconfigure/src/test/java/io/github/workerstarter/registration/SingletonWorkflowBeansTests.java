package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.claims.PayoutActivitiesImpl;
import io.github.workerstarter.fixtures.claims.beanmethod.ClaimWorkflowBeanMethod;
import io.github.workerstarter.fixtures.claims.singleton.SingletonClaimWorkflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A workflow class built by Spring as a singleton, as a new user writes it ({@code @Component} instead of
 * {@code @WorkflowImpl}, activity stubs in field initialisers), ends in the starter's report, never in the SDK's bare
 * {@code Error} thrown from inside Spring's bean creation.
 */
@ExtendWith(OutputCaptureExtension.class)
class SingletonWorkflowBeansTests {

	private static final String[] CLAIMS = { "--spring.main.web-application-type=none", "--temporal.target=embedded",
			"--temporal.workers.claims.identity=claims", "--temporal.workers.payouts.identity=payouts",
			"--temporal.activity-defaults.start-to-close-timeout=30s" };

	@Test
	void aComponentWithStubsInFieldInitialisersFailsFromItsDefinitionBeforeItIsBuilt(CapturedOutput output) {
		Throwable failure = start(ScannedSingletonApplication.class);

		WorkerConfigurationException report = configurationFailure(failure);
		assertThat(report.getMessage())
			.startsWith("Bean 'singletonClaimWorkflow' (" + SingletonClaimWorkflow.class.getName() + ") implements "
					+ "workflow interface ClaimWorkflow but is a singleton bean: it is a component (@Component or another "
					+ "stereotype, or @Import) instead of @WorkflowImpl.")
			.contains("Temporal needs a new workflow instance for every execution");
		assertThat(report.getAction())
			.isEqualTo("Replace @Component on SingletonClaimWorkflow with @WorkflowImpl(taskQueues = \"<queue>\"): it "
					+ "makes the class prototype-scoped and registers it on the workers of those queues.");
		// decided before Spring built it: the SDK never ran its field initialiser
		assertThat(causes(failure)).noneMatch(Error.class::isInstance);
		assertThat(output).contains("APPLICATION FAILED TO START").contains("Replace @Component on SingletonClaimWorkflow");
	}

	@Test
	void aWorkflowBuiltByABeanMethodOfItsInterfaceTypeStillEndsInTheStartersReport(CapturedOutput output) {
		start(InterfaceTypedBeanApplication.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Bean 'claimWorkflow' called Temporal's workflow API (Workflow.newActivityStub, Workflow.sleep, ...) "
					+ "while Spring created it, outside a workflow thread, and the SDK refused: \"Called from non "
					+ "workflow or workflow callback thread\"")
			.contains("Annotate the workflow class (or its @Bean method) @WorkflowImpl(taskQueues = \"<queue>\")");
	}

	private static Throwable start(Class<?> application) {
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		Throwable failure = catchThrowable(() -> app.run(CLAIMS).close());
		assertThat(failure).as("startup failure").isNotNull();
		return failure;
	}

	private static WorkerConfigurationException configurationFailure(Throwable failure) {
		return causes(failure).stream()
			.filter(WorkerConfigurationException.class::isInstance)
			.map(WorkerConfigurationException.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No WorkerConfigurationException", failure));
	}

	private static java.util.List<Throwable> causes(Throwable failure) {
		java.util.List<Throwable> causes = new java.util.ArrayList<>();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			causes.add(t);
		}
		return causes;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@ComponentScan(basePackageClasses = SingletonClaimWorkflow.class)
	@Import(PayoutActivitiesImpl.class)
	static class ScannedSingletonApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ ClaimWorkflowBeanMethod.class, PayoutActivitiesImpl.class })
	static class InterfaceTypedBeanApplication {

	}

}
