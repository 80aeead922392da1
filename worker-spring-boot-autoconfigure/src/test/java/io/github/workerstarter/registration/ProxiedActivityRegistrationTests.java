package io.github.workerstarter.registration;

import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.fixtures.greeting.GreetingActivities;
import io.github.workerstarter.fixtures.greeting.GreetingActivitiesImpl;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity bean wrapped in a Spring AOP proxy (as {@code @Transactional} or {@code @Timed} would wrap it) is
 * registered as the proxy, so the advice runs on every activity execution.
 */
class ProxiedActivityRegistrationTests {

	@ParameterizedTest(name = "proxyTargetClass={0}")
	@ValueSource(booleans = { false, true })
	void proxyIsRegisteredAndItsAdviceRuns(boolean proxyTargetClass) {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, ProxyingConfiguration.class)
			.withPropertyValues("test.proxy-target-class=" + proxyTargetClass)
			.run((context) -> {
				Object activities = context.getBean("greetingActivitiesImpl");
				assertThat(AopUtils.isAopProxy(activities)).isTrue();
				assertThat(AopUtils.isCglibProxy(activities)).isEqualTo(proxyTargetClass);
				assertThat(context.getBean(TemporalWorkerRegistry.class).workers().get(0).activityTypes())
					.containsExactly("GreetingCompose");

				assertThat(greet(context, "greetings", "Eve")).isEqualTo("Hello, Eve! (advised)");
				assertThat(context.getBean(ProxyingConfiguration.class).invocations).hasValue(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ProxyingConfiguration {

		final AtomicInteger invocations = new AtomicInteger();

		@Bean
		static BeanPostProcessor adviseGreetingActivities(org.springframework.core.env.Environment environment,
				org.springframework.beans.factory.ObjectProvider<ProxyingConfiguration> self) {
			boolean targetClass = environment.getProperty("test.proxy-target-class", Boolean.class, false);
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof GreetingActivitiesImpl)) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					factory.setProxyTargetClass(targetClass);
					if (!targetClass) {
						factory.setInterfaces(GreetingActivities.class);
					}
					factory.addAdvice((MethodInterceptor) (invocation) -> {
						self.getObject().invocations.incrementAndGet();
						return invocation.proceed() + " (advised)";
					});
					return factory.getProxy();
				}
			};
		}

	}

}
