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
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

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
					"temporal.workers.nexus-handlers.identity=aot-nexus", "greeting.nexus-endpoint=not-called",
					// a further namespace: its qualified beans are declared by a registrar, which AOT runs at build time
					"temporal.namespaces.billing.namespace=billing-aot", "temporal.workers.billing.namespace=billing",
					"temporal.workers.billing.task-queue=greetings")
			.run(args);
		System.out.println("GREETING " + TemporalTestSupport.greet(context, "greetings", "Ahead"));
		WorkflowClient billing = context.getBean("billingWorkflowClient", WorkflowClient.class);
		WorkflowStub stub = billing.newUntypedWorkflowStub("Greet", WorkflowOptions.newBuilder()
			.setTaskQueue("greetings")
			.setWorkflowRunTimeout(java.time.Duration.ofSeconds(30))
			.build());
		stub.start("Billing");
		System.out.println("IN " + billing.getOptions().getNamespace() + " " + stub.getResult(String.class));
		context.close();
	}

}
