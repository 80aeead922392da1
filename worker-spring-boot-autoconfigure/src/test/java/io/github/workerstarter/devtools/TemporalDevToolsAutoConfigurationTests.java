package io.github.workerstarter.devtools;

import java.net.URL;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.devtools.restart.RestartScopeInitializer;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DevTools auto-configuration: only with a restarter DevTools has initialized (an application started from its
 * main method with DevTools on the class path, not a test) is the embedded server kept across contexts, as DevTools'
 * restart scope keeps its LiveReload server.
 */
class TemporalDevToolsAutoConfigurationTests {

	@AfterEach
	void clearRestarter() {
		Restarter.clearInstance();
	}

	private static ApplicationContextRunner runner() {
		return embeddedGreetingsRunner().withInitializer(new RestartScopeInitializer())
			.withConfiguration(AutoConfigurations.of(TemporalDevToolsAutoConfiguration.class))
			.withUserConfiguration(GreetingFixtures.class);
	}

	@Test
	void withoutAnInitializedRestarterTheEmbeddedServerEndsWithTheContext() {
		runner().run((context) -> assertThat(context.getBean(EmbeddedTemporalServer.class).outlivesContext()).isFalse());
	}

	@Test
	void withAnInitializedRestarterTheEmbeddedServerAndItsWorkflowsOutliveTheContext() {
		// what DevTools' RestartApplicationListener does in a main method (without restarting at once); an earlier
		// SpringApplication of this JVM left a disabled one (tests never restart)
		Restarter.clearInstance();
		Restarter.initialize(new String[0], false, (thread) -> new URL[0], false);
		AtomicReference<EmbeddedTemporalServer> first = new AtomicReference<>();
		try {
			runner().run((context) -> {
				first.set(context.getBean(EmbeddedTemporalServer.class));
				assertThat(first.get().outlivesContext()).isTrue();
				assertThat(greet(context, "greetings", "Ada")).isEqualTo("Hello, Ada!");
			});
			runner().run((context) -> {
				assertThat(context.getBean(EmbeddedTemporalServer.class)).isSameAs(first.get());
				// the context closed before did not close it
				assertThat(greet(context, "greetings", "Bob")).isEqualTo("Hello, Bob!");
			});
		}
		finally {
			if (first.get() != null) {
				first.get().close();
			}
		}
	}

}
