package io.github.workerstarter.registration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration;
import io.github.workerstarter.fixtures.greeting.GreetingActivities;
import io.github.workerstarter.fixtures.greeting.GreetingActivitiesImpl;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Activities replaced the way Spring tests replace beans: the replacement is what the worker registers and calls, and
 * the worker lists the activity type once. Before, {@code @MockitoBean} on the interface dropped the activity without
 * a word, and a {@code @Primary} replacement failed startup as a duplicate type.
 */
@SpringBootTest(classes = MockedImplementationsTests.Workers.class,
		properties = { "temporal.target=embedded", "temporal.workers.greetings.identity=test" })
// closed after each class: this module's other tests count the workers' threads and reconfigure logging
@DirtiesContext
class MockedImplementationsTests {

	@Autowired
	ApplicationContext context;

	/**
	 * Greets Eve through the workflow, then checks what the worker called and that it lists the activity type once.
	 */
	void greetingIs(String expected, GreetingActivities called) {
		assertThat(greet(this.context, "greetings", "Eve")).isEqualTo(expected);
		verify(called).compose("Hello", "Eve");
		assertThat(this.context.getBean(TemporalWorkerRegistry.class).workers().get(0).activityTypes())
			.containsExactly("GreetingCompose");
	}

	@Nested
	class MockOfTheInterface {

		@MockitoBean
		GreetingActivities activities;

		@Test
		void theMockIsRegisteredAndCalled() {
			given(this.activities.compose("Hello", "Eve")).willReturn("mocked by interface");
			greetingIs("mocked by interface", this.activities);
		}

	}

	@Nested
	class MockOfTheClass {

		@MockitoBean
		GreetingActivitiesImpl activities;

		@Test
		void theMockIsRegisteredAndCalled() {
			given(this.activities.compose("Hello", "Eve")).willReturn("mocked by class");
			greetingIs("mocked by class", this.activities);
		}

	}

	@Nested
	class SpyOnTheInterface {

		@MockitoSpyBean
		GreetingActivities activities;

		@Test
		void theSpyIsRegisteredAndTheRealMethodRuns() {
			greetingIs("Hello, Eve!", this.activities);
		}

	}

	@Nested
	@Import(PrimaryOfTheInterface.Replacement.class)
	class PrimaryOfTheInterface {

		@Test
		void thePrimaryBeanReplacesTheAnnotatedOne() {
			GreetingActivities primary = MockedImplementationsTests.this.context.getBean("primaryGreetings",
					GreetingActivities.class);
			given(primary.compose("Hello", "Eve")).willReturn("from the primary bean");
			greetingIs("from the primary bean", primary);
			assertThat(MockedImplementationsTests.this.context.getBean(TemporalWorkerRegistry.class)
				.workers()
				.get(0)
				.implementations()).extracting(TemporalImplementation::beanName).containsExactly("greetingWorkflowImpl",
						"primaryGreetings");
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Replacement {

			@Bean
			@Primary
			GreetingActivities primaryGreetings() {
				return mock(GreetingActivities.class);
			}

		}

	}

	@Nested
	@Import(PrimaryOfTheClass.Replacement.class)
	class PrimaryOfTheClass {

		@Test
		void thePrimaryBeanReplacesTheAnnotatedOneThoughBothCarryTheAnnotation() {
			GreetingActivitiesImpl primary = MockedImplementationsTests.this.context.getBean("primaryGreetings",
					GreetingActivitiesImpl.class);
			given(primary.compose("Hello", "Eve")).willReturn("from the primary mock of the class");
			greetingIs("from the primary mock of the class", primary);
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Replacement {

			@Bean
			@Primary
			GreetingActivitiesImpl primaryGreetings() {
				return mock(GreetingActivitiesImpl.class);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EmbeddedServerAutoConfiguration.class, TemporalConnectionAutoConfiguration.class,
			TemporalWorkerAutoConfiguration.class })
	@Import(GreetingFixtures.class)
	static class Workers {

	}

}
