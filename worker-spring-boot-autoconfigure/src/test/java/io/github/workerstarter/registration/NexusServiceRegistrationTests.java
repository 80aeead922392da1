package io.github.workerstarter.registration;


import com.google.protobuf.ByteString;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.invalid.MismatchedOperationNexusService;
import io.github.workerstarter.fixtures.invalid.NoServiceImplNexusService;
import io.github.workerstarter.fixtures.invalid.NotAServiceInterfaceNexusService;
import io.github.workerstarter.fixtures.invalid.SecondGreetingNexusService;
import io.github.workerstarter.fixtures.invalid.UnknownQueueNexusService;
import io.github.workerstarter.fixtures.nexus.GreetingNexusServiceImpl;
import io.github.workerstarter.fixtures.nexus.NexusFixtures;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.nexus.v1.EndpointSpec;
import io.temporal.api.nexus.v1.EndpointTarget;
import io.temporal.api.operatorservice.v1.CreateNexusEndpointRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.runWorkflow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @NexusServiceImpl} beans go through the same registration path as workflows and activities: found by
 * scanning, placed on the workers of the queues they name, checked the same way. End to end against the
 * in-process test server: a workflow calls a Nexus operation through an endpoint that targets the service's queue.
 */
class NexusServiceRegistrationTests {

	private static final String ENDPOINT = "greeting-endpoint";

	/** The caller workflow on {@code greetings}; the Nexus service alone on {@code nexus-handlers}. */
	private static ApplicationContextRunner nexusRunner() {
		return embeddedGreetingsRunner().withUserConfiguration(NexusFixtures.class)
			.withPropertyValues("temporal.workers.nexus-handlers.identity=nexus", "greeting.nexus-endpoint=" + ENDPOINT);
	}

	@Test
	void workflowCallsANexusOperationImplementedByASpringBean() {
		nexusRunner().withPropertyValues("greeting.mark=?").run((context) -> {
			assertThat(context).hasNotFailed();
			TemporalWorkerRegistry registry = context.getBean(TemporalWorkerRegistry.class);
			RegisteredWorker handlers = worker(registry, "nexus-handlers");
			// the service's name as the Nexus SDK derives it (@Service(name = "Greetings")), not the interface's
			assertThat(handlers.nexusServices()).containsExactly("Greetings");
			assertThat(handlers.workflowTypes()).isEmpty();
			assertThat(handlers.activityTypes()).isEmpty();
			assertThat(handlers.hasRegistrations()).isTrue();
			assertThat(worker(registry, "greetings").workflowTypes()).containsExactly("CallNexusGreeting");
			assertThat(worker(registry, "greetings").nexusServices()).isEmpty();

			createEndpoint(context, ENDPOINT, "nexus-handlers");
			// "?" comes from the injected Punctuation bean, configured through the environment
			assertThat(callNexus(context, "Ada")).isEqualTo("Nexus greets Ada?");
		});
	}

	@Test
	void nexusServiceRunsOnAWorkerWithoutWorkflowsOrWithoutActivities() {
		nexusRunner().withPropertyValues("temporal.workers.nexus-handlers.workflows=false").run((context) -> {
			assertThat(context).hasNotFailed();
			createEndpoint(context, ENDPOINT, "nexus-handlers");
			assertThat(callNexus(context, "Bo")).isEqualTo("Nexus greets Bo!");
		});
		nexusRunner().withPropertyValues("temporal.workers.nexus-handlers.activities=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(worker(context.getBean(TemporalWorkerRegistry.class), "nexus-handlers").nexusServices())
				.containsExactly("Greetings");
		});
	}

	@Test
	void proxiedNexusServiceIsRegisteredThroughItsTarget() {
		nexusRunner().withUserConfiguration(ProxyingConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AopUtils.isCglibProxy(context.getBean("greetingNexusServiceImpl"))).isTrue();
			assertThat(worker(context.getBean(TemporalWorkerRegistry.class), "nexus-handlers").nexusServices())
				.containsExactly("Greetings");
			createEndpoint(context, ENDPOINT, "nexus-handlers");
			assertThat(callNexus(context, "Cy")).isEqualTo("Nexus greets Cy!");
		});
	}

	@Test
	void unknownQueueFailsNamingBeanQueueAndConfiguredQueues() {
		embeddedGreetingsRunner().withUserConfiguration(UnknownQueueNexusService.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains(UnknownQueueNexusService.class.getName())
				.contains("@NexusServiceImpl for task queue 'greetngs'")
				.contains("Configured task queues: [greetings]");
			assertThat(failure.getAction()).contains("either rename the key temporal.workers.greetings to "
					+ "temporal.workers.greetngs").contains("or name 'greetings' in the bean");
		});
	}

	@Test
	void sameNexusServiceTwiceOnOneQueueFails() {
		nexusRunner().withUserConfiguration(SecondGreetingNexusService.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("Task queue 'nexus-handlers'")
				.contains("two implementations of Nexus service 'Greetings'")
				.contains("greetingNexusServiceImpl")
				.contains(SecondGreetingNexusService.class.getName());
			assertThat(failure.getAction()).contains("Keep one implementation on this queue");
		});
	}

	@Test
	void classWithoutServiceImplFails() {
		embeddedGreetingsRunner().withUserConfiguration(NoServiceImplNexusService.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains(NoServiceImplNexusService.class.getName())
				.contains("@NexusServiceImpl but is not a valid implementation")
				.contains("no @io.nexusrpc.handler.ServiceImpl annotation");
			assertThat(failure.getAction())
				.contains("Annotate NoServiceImplNexusService with @io.nexusrpc.handler.ServiceImpl(service = X.class)")
				.contains("@io.nexusrpc.Service");
		});
	}

	@Test
	void serviceImplNamingAnInterfaceWithoutServiceFails() {
		embeddedGreetingsRunner().withUserConfiguration(NotAServiceInterfaceNexusService.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains(NotAServiceInterfaceNexusService.class.getName())
				.contains("GreetingActivities.class) is not a valid Nexus service interface")
				.contains("Missing @Service annotation");
		});
	}

	@Test
	void operationHandlerOfTheWrongTypeFailsWithTheSdkReason() {
		embeddedGreetingsRunner().withUserConfiguration(MismatchedOperationNexusService.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).contains(MismatchedOperationNexusService.class.getName())
				.contains("the Nexus SDK refuses it")
				.contains("greet").contains("input type mismatch expected java.lang.String but got java.lang.Integer");
			assertThat(failure.getAction()).contains("@OperationImpl");
		});
	}

	private static RegisteredWorker worker(TemporalWorkerRegistry registry, String taskQueue) {
		return registry.workers()
			.stream()
			.filter((worker) -> worker.taskQueue().equals(taskQueue))
			.findFirst()
			.orElseThrow();
	}

	/** What an operator does once per environment: an endpoint routing to the service's task queue. */
	static void createEndpoint(ApplicationContext context, String name, String taskQueue) {
		WorkflowServiceStubs stubs = context.getBean(WorkflowServiceStubs.class);
		OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
				OperatorServiceStubsOptions.newBuilder().setChannel(stubs.getRawChannel()).validateAndBuildWithDefaults());
		EndpointSpec spec = EndpointSpec.newBuilder()
			.setName(name)
			.setDescription(Payload.newBuilder().setData(ByteString.copyFromUtf8("test endpoint")))
			.setTarget(EndpointTarget.newBuilder()
				.setWorker(EndpointTarget.Worker.newBuilder()
					.setNamespace(context.getBean(WorkflowClient.class).getOptions().getNamespace())
					.setTaskQueue(taskQueue)))
			.build();
		operator.blockingStub().createNexusEndpoint(CreateNexusEndpointRequest.newBuilder().setSpec(spec).build());
	}

	private static String callNexus(ApplicationContext context, String name) {
		return runWorkflow(context, "CallNexusGreeting", "greetings", name);
	}

	@Configuration(proxyBeanMethods = false)
	static class ProxyingConfiguration {

		@Bean
		static BeanPostProcessor adviseGreetingNexusService() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof GreetingNexusServiceImpl)) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					factory.setProxyTargetClass(true);
					factory.addAdvice((MethodInterceptor) (invocation) -> invocation.proceed());
					return factory.getProxy();
				}
			};
		}

	}

}
