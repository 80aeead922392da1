package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Annotated beans with no worker to register them are reported, instead of an application that silently idles. */
@ExtendWith(OutputCaptureExtension.class)
class UnregisteredImplementationsWarningTests {

	@Test
	void excludedWorkerAutoConfigurationIsNamedWithTheBeans(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("temporal.target=embedded",
				"spring.autoconfigure.exclude=io.github.workerstarter.worker.TemporalWorkerAutoConfiguration")) {
			assertThat(output).contains("2 bean(s) are annotated for Temporal workers but no worker registers them")
				.contains("'greetingWorkflowImpl' (@WorkflowImpl)", "'greetingActivitiesImpl' (@ActivityImpl)")
				.contains("excluded: io.github.workerstarter.worker.TemporalWorkerAutoConfiguration")
				.contains("Fix: remove the exclusion");
		}
	}

	@Test
	void missingClientIsNamedAsTheCause(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(
				"spring.autoconfigure.exclude=io.github.workerstarter.connection.TemporalConnectionAutoConfiguration")) {
			assertThat(output).contains("no worker registers them")
				.contains("excluded: io.github.workerstarter.connection.TemporalConnectionAutoConfiguration");
		}
	}

	@Test
	void registeredBeansGiveNoWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("temporal.target=embedded")) {
			assertThat(output).contains("greetings").doesNotContain("no worker registers them");
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("temporal.workers.greetings.identity=test", "management.health.temporal.enabled=false")
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(GreetingFixtures.class)
	static class App {

	}

}
