package io.github.workerstarter.aot;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.TemporalTestSupport;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.nexus.NexusFixtures;

/**
 * A worker application for {@link SpringAotTests}, processed ahead of time and then run from the generated code in
 * a JVM of its own: the greeting workflow (a prototype bean with constructor injection) and activity, and a Nexus
 * service on a worker of its own, on the in-process server. Prints the workflow's result.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ GreetingFixtures.class, NexusFixtures.class })
public class AotApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AotApplication.class)
			.web(WebApplicationType.NONE)
			.properties("temporal.target=embedded", "temporal.workers.greetings.identity=aot",
					"temporal.workers.nexus-handlers.identity=aot-nexus", "greeting.nexus-endpoint=not-called")
			.run(args);
		System.out.println("GREETING " + TemporalTestSupport.greet(context, "greetings", "Ahead"));
		context.close();
	}

}
