package io.github.workerstarter.aot;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;

/**
 * A worker application for {@link TrainingRunTests}, started in a JVM of its own: one worker with a workflow and an
 * activity, pointed at {@code temporal.target} (the first argument), failing fast when the server does not answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(GreetingFixtures.class)
public class TrainingRunApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(TrainingRunApplication.class).web(WebApplicationType.NONE)
			.properties("temporal.target=" + args[0], "temporal.workers.greetings.identity=training",
					"temporal.fail-fast=true", "temporal.connect-timeout=2s")
			.run();
	}

}
