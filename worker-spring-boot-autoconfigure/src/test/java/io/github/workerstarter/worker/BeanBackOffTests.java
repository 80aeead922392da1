package io.github.workerstarter.worker;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.UnknownPropertiesCheck;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.lifecycle.InFlightActivities;
import io.github.workerstarter.logging.TemporalLoggingAutoConfiguration;
import io.github.workerstarter.logging.WorkflowMdcInterceptor;
import io.github.workerstarter.registration.ImplementationFinder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each of these beans backs off for one the application defines, and the workers still run with it (the other
 * beans have back-off tests next to their auto-configuration).
 */
class BeanBackOffTests {

	static Stream<Arguments> userBeans() {
		return Stream.of(arguments(TemporalWorkerRegistry.class, UserRegistry.class),
				arguments(ServerProbe.class, UserProbe.class), arguments(InFlightActivities.class, UserInFlight.class),
				arguments(UnknownPropertiesCheck.class, UserCheck.class),
				arguments(WorkflowMdcInterceptor.class, UserMdc.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("userBeans")
	void userBeanReplacesOurs(Class<?> type, Class<?> userConfiguration) {
		embeddedGreetingsRunner().withConfiguration(AutoConfigurations.of(TemporalLoggingAutoConfiguration.class))
			.withUserConfiguration(GreetingFixtures.class, userConfiguration)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(type);
				assertThat(context.getBeanNamesForType(type)).containsExactly("mine");
				assertThat(greet(context, "greetings", "Kim")).isEqualTo("Hello, Kim!");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistry {

		@Bean
		TemporalWorkerRegistry mine(WorkerFactory factory, TemporalProperties properties,
				ConfigurableListableBeanFactory beanFactory, Environment environment) {
			return new TemporalWorkerRegistry(factory, properties,
					new ImplementationFinder(beanFactory, environment, properties), List.of(), List.of(), false,
					beanFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserProbe {

		@Bean
		ServerProbe mine(WorkflowServiceStubs stubs) {
			return new ServerProbe(stubs, "default", "in-process (mine)");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInFlight {

		@Bean
		InFlightActivities mine() {
			return new InFlightActivities();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCheck {

		@Bean
		static UnknownPropertiesCheck mine(Environment environment) {
			return new UnknownPropertiesCheck(environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMdc {

		@Bean
		WorkflowMdcInterceptor mine() {
			return new WorkflowMdcInterceptor();
		}

	}

}
