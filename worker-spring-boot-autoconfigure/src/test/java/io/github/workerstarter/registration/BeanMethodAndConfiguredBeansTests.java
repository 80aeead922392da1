package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.beans.BeanMethodFixtures;
import io.github.workerstarter.fixtures.beans.ConfiguredBeanFixtures;
import io.github.workerstarter.fixtures.beans.PlainGreetingWorkflow;
import io.github.workerstarter.fixtures.beans.PoliteGreetingActivities;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Implementations that cannot carry the annotation on their class: the annotation on a @Bean method, or the bean
 * named under temporal.workers.<name>.*-beans. Both go through the same checks as annotated classes.
 */
class BeanMethodAndConfiguredBeansTests {

	@Test
	void annotationsOnBeanMethodsRegisterTheBeans() {
		embeddedGreetingsRunner().withUserConfiguration(BeanMethodFixtures.class).run((context) -> {
			assertThat(context).hasNotFailed();
			RegisteredWorker worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
			assertThat(worker.implementations()).extracting(TemporalImplementation::beanName)
				.containsExactly("plainGreetingWorkflow", "politeGreeting");
			// @WorkflowImpl on the method made the bean prototype: one instance per execution, built by the method
			assertThat(context.getBeanFactory().isPrototype("plainGreetingWorkflow")).isTrue();
			assertThat(greet(context, "greetings", "Ada")).isEqualTo("Good day, dear Ada.");
		});
	}

	@Test
	void beansNamedInConfigurationAreRegistered() {
		embeddedGreetingsRunner().withUserConfiguration(ConfiguredBeanFixtures.class)
			.withPropertyValues("temporal.workers.greetings.workflow-beans=configuredGreetingWorkflow",
					"temporal.workers.greetings.activity-beans[0]=configuredGreeting")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RegisteredWorker worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
				assertThat(worker.workflowTypes()).containsExactly("Greet");
				assertThat(worker.activityTypes()).containsExactly("GreetingCompose");
				assertThat(worker.implementations()).extracting(TemporalImplementation::type)
					.containsExactly(PlainGreetingWorkflow.class, PoliteGreetingActivities.class);
				assertThat(greet(context, "greetings", "Bo")).isEqualTo("Greetings, dear Bo!!");
			});
	}

	@Test
	void unknownBeanNameFailsWithDidYouMean() {
		embeddedGreetingsRunner().withUserConfiguration(ConfiguredBeanFixtures.class)
			.withPropertyValues("temporal.workers.greetings.activity-beans=configuredGreetng")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).isEqualTo("Property temporal.workers.greetings.activity-beans names "
						+ "bean 'configuredGreetng', but the application has no bean of that name.");
				assertThat(failure.getAction()).contains("Did you mean 'configuredGreeting'?");
			});
	}

	@Test
	void beanOfTheOtherKindFails() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.workers.greetings.activity-beans=greetingWorkflowImpl")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("names bean 'greetingWorkflowImpl', which is annotated @WorkflowImpl");
				assertThat(failure.getAction()).contains("temporal.workers.<name>.workflow-beans");
			});
	}

	@Test
	void configuredWorkflowBeanMustBePrototype() {
		embeddedGreetingsRunner().withUserConfiguration(ConfiguredBeanFixtures.class)
			.withPropertyValues("temporal.workers.greetings.workflow-beans=singletonGreetingWorkflow")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("singletonGreetingWorkflow")
					.contains("is a workflow implementation but a singleton bean");
				assertThat(failure.getAction()).contains("@Scope(\"prototype\")");
			});
	}

	@Test
	void configuredBeanThatIsNoImplementationFails() {
		embeddedGreetingsRunner().withUserConfiguration(ConfiguredBeanFixtures.class)
			.withPropertyValues("temporal.workers.greetings.activity-beans=configuredGreetingWorkflow")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("is named in temporal.workers.<name>.activity-beans but is "
						+ "not a valid implementation");
			});
	}

}
