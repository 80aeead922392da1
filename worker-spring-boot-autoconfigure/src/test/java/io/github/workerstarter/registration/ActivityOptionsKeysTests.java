package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.dynamic.DynamicFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.Yaml;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static org.assertj.core.api.Assertions.assertThat;

/** temporal.activities.<ActivityType> keys are compared with the activity types the application knows. */
@ExtendWith(OutputCaptureExtension.class)
class ActivityOptionsKeysTests {

	@Test
	void nearMissFailsWithDidYouMean() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withInitializer(Yaml.source("application.yml", """
					temporal:
					  activities:
					    GreetingCompse:
					      retry:
					        maximum-attempts: 3
					"""))
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("Property group temporal.activities.GreetingCompse names "
						+ "activity type 'GreetingCompse'")
					.contains("its options would silently not apply")
					.contains("Known activity types: [GreetingCompose]");
				assertThat(failure.getAction()).contains("Did you mean 'GreetingCompose'?");
			});
	}

	@Test
	void wrongCaseIsANearMiss() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.activities.[greetingcompose].start-to-close-timeout=5s")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getAction())
				.contains("case-sensitive")
				.contains("Did you mean 'GreetingCompose'?"));
	}

	@Test
	void typeKnownFromTheWorkflowsActivityInterfaceStartsQuietly(CapturedOutput output) {
		// the workflow's interface is known even when no implementation of it runs here
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.activities.GreetingCompose.start-to-close-timeout=5s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("temporal.activities.GreetingCompose names");
			});
	}

	@Test
	void typeCalledByNameFromAWorkflowIsKnown(CapturedOutput output) {
		embeddedGreetingsRunner().withUserConfiguration(DynamicFixtures.class)
			.withPropertyValues("temporal.workers.dynamic.identity=x", "temporal.activities.Shout.start-to-close-timeout=5s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("temporal.activities.Shout names");
			});
	}

	@Test
	void typeNothingKnowsIsAWarningNamingTheKnownTypes(CapturedOutput output) {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.activities.ChargeCard.start-to-close-timeout=5s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("temporal.activities.ChargeCard names activity type 'ChargeCard', which no "
						+ "activity implementation or workflow of this application uses")
					.contains("Known activity types: [GreetingCompose]");
			});
	}

}
