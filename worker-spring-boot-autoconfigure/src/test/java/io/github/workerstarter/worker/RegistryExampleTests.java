package io.github.workerstarter.worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.dynamic.DynamicFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.registry.RegistryFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's registry example, run in an application: it sees every worker, its types and beans, and why one is idle. */
@ExtendWith(OutputCaptureExtension.class)
class RegistryExampleTests {

	@Test
	void exampleListsWorkersTypesAndBeans(CapturedOutput output) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("temporal.target=embedded", "temporal.workers.greetings.identity=x",
					"temporal.workers.dynamic.enabled=false")
			.run()) {
			assertThat(output).contains("greetings polls: workflows [Greet] activities [GreetingCompose] from "
					+ "[greetingWorkflowImpl, greetingActivitiesImpl]")
				.contains("dynamic is idle (temporal.workers.dynamic.enabled=false): workflows [(dynamic)] activities "
						+ "[(dynamic)]");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ GreetingFixtures.class, DynamicFixtures.class, RegistryFixtures.class })
	static class App {

	}

}
