package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.dynamic.DynamicFixtures;
import io.github.workerstarter.fixtures.dynamic.OtherDynamicActivity;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runWorkflow;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's DynamicWorkflow and DynamicActivity as @WorkflowImpl and @ActivityImpl beans. */
class DynamicImplementationTests {

	@Test
	void dynamicWorkflowCallsDynamicActivityEndToEnd() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.dynamic.identity=x",
				"dynamic.prefix=spring", "dynamic.suffix=?")
			.withUserConfiguration(DynamicFixtures.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RegisteredWorker worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
				assertThat(worker.workflowTypes()).containsExactly("(dynamic)");
				assertThat(worker.activityTypes()).containsExactly("(dynamic)");
				// any workflow type; both beans got their values injected
				assertThat(runWorkflow(context, "AnyTypeAtAll", "dynamic", "ada")).isEqualTo("spring:AnyTypeAtAll:Shout(ADA)?");
				assertThat(runWorkflow(context, "Another", "dynamic", "bo")).isEqualTo("spring:Another:Shout(BO)?");
			});
	}

	@Test
	void dynamicImplementationsServeTypesNextToRegisteredOnes() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.dynamic.identity=x",
				"greeting.queue=dynamic")
			.withUserConfiguration(GreetingFixtures.class, DynamicFixtures.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RegisteredWorker worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
				assertThat(worker.workflowTypes()).containsExactly("Greet", "(dynamic)");
				// the registered type is served by its own implementation, any other by the dynamic one
				assertThat(runWorkflow(context, "Greet", "dynamic", "Ada")).isEqualTo("Hello, Ada!");
				assertThat(runWorkflow(context, "Farewell", "dynamic", "Ada")).isEqualTo("wf:Farewell:Shout(ADA)!");
			});
	}

	@Test
	void secondDynamicActivityOnOneWorkerFails() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.dynamic.identity=x")
			.withUserConfiguration(DynamicFixtures.class, OtherDynamicActivity.class)
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("Task queue 'dynamic' has two dynamic activity type "
						+ "implementations (DynamicActivity)")
					.contains("$AnyActivity")
					.contains("OtherDynamicActivity")
					.contains("A worker runs at most one");
				assertThat(failure.getAction()).contains("Keep one of them on this queue");
			});
	}

}
