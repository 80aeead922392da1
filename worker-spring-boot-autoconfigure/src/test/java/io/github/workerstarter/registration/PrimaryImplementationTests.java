package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.annotation.ActivityImpl;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingActivities;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.invalid.SecondGreetingActivities;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.activity.ActivityInterface;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Primary} decides between two implementations of the same activity interface on the workers as it does for
 * injection, in production as in tests. Without a single primary, two implementations still fail as duplicates
 * ({@code TemporalWorkerAutoConfigurationTests.sameActivityTypeTwiceOnOneQueueFails}).
 */
class PrimaryImplementationTests {

	@Test
	void primaryImplementationIsRegisteredInsteadOfTheOther() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean("secondGreetingActivities", SecondGreetingActivities.class, SecondGreetingActivities::new,
					(definition) -> definition.setPrimary(true))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				var worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
				assertThat(worker.activityTypes()).containsExactly("GreetingCompose");
				assertThat(worker.implementations()).extracting(TemporalImplementation::beanName)
					.containsExactly("greetingWorkflowImpl", "secondGreetingActivities");
				assertThat(greet(context, "greetings", "Eve")).isEqualTo("second");
			});
	}

	@Test
	void twoPrimaryImplementationsStillFailAsDuplicates() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean("secondGreetingActivities", SecondGreetingActivities.class, SecondGreetingActivities::new,
					(definition) -> definition.setPrimary(true))
			.withBean("thirdGreetingActivities", SecondGreetingActivities.class, SecondGreetingActivities::new,
					(definition) -> definition.setPrimary(true))
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("two implementations of activity type 'GreetingCompose'"));
	}

	@Test
	void primaryThatReplacesOnlyOneOfTwoInterfacesFailsNamingThem() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean("greetingAndFarewell", GreetingAndFarewell.class, GreetingAndFarewell::new)
			.withBean("primaryFarewell", Farewell.class, () -> (name) -> "Bye, " + name,
					(definition) -> definition.setPrimary(true))
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("greetingAndFarewell")
					.contains("implements [GreetingActivities, Farewell]")
					.contains("@Primary bean(s) [primaryFarewell] stand in for [Farewell] only");
				assertThat(failure.getAction())
					.contains("one @Primary bean implement all of [GreetingActivities, Farewell], or split GreetingAndFarewell");
			});
	}

	@ActivityInterface
	public interface Farewell {

		String sayGoodbye(String name);

	}

	@ActivityImpl(taskQueues = "greetings")
	public static class GreetingAndFarewell implements GreetingActivities, Farewell {

		@Override
		public String compose(String word, String name) {
			return word;
		}

		@Override
		public String sayGoodbye(String name) {
			return name;
		}

	}

}
