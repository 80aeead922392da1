package io.github.workerstarter.test.official;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.Assert;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;

/**
 * A test in the shape the official Temporal Spring Boot starter's users write (its samples' {@code HelloSampleTest}):
 * {@code @Autowired TestWorkflowEnvironment} and {@code WorkflowClient}, {@code applicationContext.start()} before
 * each test, the environment's clock and sleep. Moved to this starter, no line of the test changes but the imports;
 * only the configuration differs (task queues under {@code temporal.workers} in the test profile, instead of
 * {@code spring.temporal.test-server.enabled} and auto-discovery packages), and the workflow and activity classes
 * import this starter's {@code @WorkflowImpl} and {@code @ActivityImpl}, which take the same {@code taskQueues}.
 */
@SpringBootTest(classes = OfficialStarterStyleTests.Configuration.class)
@ActiveProfiles("official-style")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnableAutoConfiguration
@DirtiesContext
public class OfficialStarterStyleTests {

	@Autowired
	ConfigurableApplicationContext applicationContext;

	@Autowired
	TestWorkflowEnvironment testWorkflowEnvironment;

	@Autowired
	WorkflowClient workflowClient;

	@BeforeEach
	void setUp() {
		applicationContext.start();
	}

	@Test
	public void testHello() {
		HelloWorkflow workflow = workflowClient.newWorkflowStub(HelloWorkflow.class,
				WorkflowOptions.newBuilder()
					.setTaskQueue("HelloSampleTaskQueue")
					.setWorkflowId("HelloSampleTest")
					.build());
		String result = workflow.sayHello(new Person("Temporal", "User"));
		Assert.notNull(result, "Greeting should not be null");
		Assert.isTrue(result.equals("Hello Temporal User!"), "Invalid result");
	}

	@Test
	public void testHelloWithTheEnvironmentsClient() {
		long start = testWorkflowEnvironment.currentTimeMillis();
		HelloWorkflow workflow = testWorkflowEnvironment.getWorkflowClient()
			.newWorkflowStub(HelloWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue("HelloSampleTaskQueue").build());
		WorkflowClient.start(workflow::sayHello, new Person("Time", "Skipper"));
		testWorkflowEnvironment.sleep(Duration.ofDays(2));
		Assert.isTrue(testWorkflowEnvironment.currentTimeMillis() - start >= Duration.ofDays(2).toMillis(),
				"Time should have moved by two days");
		String result = WorkflowStub.fromTyped(workflow).getResult(String.class);
		Assert.isTrue(result.equals("Hello Time Skipper!"), "Invalid result");
	}

	@ComponentScan
	public static class Configuration {

	}

}
