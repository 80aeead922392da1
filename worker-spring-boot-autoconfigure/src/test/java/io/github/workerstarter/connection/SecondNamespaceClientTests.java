package io.github.workerstarter.connection;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's recipe for a client of a second namespace: a {@code defaultCandidate = false} bean with a qualifier
 * does not make the starter's client back off, and each is injected where it is asked for.
 */
class SecondNamespaceClientTests {

	@Test
	void qualifiedClientOfAnotherNamespaceLeavesTheStartersClientInPlace() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, BillingClientConfiguration.class)
			.withBean(ClientUser.class)
			.run((context) -> {
				ClientUser user = context.getBean(ClientUser.class);
				assertThat(user.main().getOptions().getNamespace()).isEqualTo("default");
				assertThat(user.billing().getOptions().getNamespace()).isEqualTo("billing");
				// the starter's workers are still there, on the starter's client
				assertThat(greet(context, "greetings", "Ann")).isEqualTo("Hello, Ann!");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class BillingClientConfiguration {

		@Bean(defaultCandidate = false)
		@Qualifier("billing")
		WorkflowClient billingClient(WorkflowServiceStubs stubs) {
			return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("billing").build());
		}

	}

	record ClientUser(WorkflowClient main, @Qualifier("billing") WorkflowClient billing) {
	}

}
