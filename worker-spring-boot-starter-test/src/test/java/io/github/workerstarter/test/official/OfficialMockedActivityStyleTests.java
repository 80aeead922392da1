package io.github.workerstarter.test.official;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Captor;
import org.mockito.junit.jupiter.MockitoExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/**
 * The official starter's samples' mocked-activity test, moved to Boot 4 and this starter: the mock is a
 * {@code @MockitoBean} field of the test class (in the nested {@code @Configuration}, where the sample declared its
 * {@code @MockBean}, the field stays null), and {@code @Captor} needs {@code MockitoExtension} (Boot 3 initialised
 * Mockito's annotations through a listener Boot 4 removed).
 */
@SpringBootTest(classes = OfficialMockedActivityStyleTests.Configuration.class)
@ActiveProfiles("official-style")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnableAutoConfiguration
@ExtendWith(MockitoExtension.class)
@DirtiesContext
public class OfficialMockedActivityStyleTests {

	@Autowired
	ConfigurableApplicationContext applicationContext;

	@Autowired
	WorkflowClient workflowClient;

	@MockitoBean
	HelloActivityImpl helloActivity;

	@Captor
	ArgumentCaptor<Person> personCaptor;

	@BeforeEach
	void setUp() {
		applicationContext.start();
	}

	@Test
	public void testHelloWithTheActivityMocked() {
		given(helloActivity.hello(any())).willReturn("Hello from the mock!");
		HelloWorkflow workflow = workflowClient.newWorkflowStub(HelloWorkflow.class,
				WorkflowOptions.newBuilder()
					.setTaskQueue("HelloSampleTaskQueue")
					.setWorkflowId("HelloSampleTestMockedActivity")
					.build());

		String result = workflow.sayHello(new Person("Temporal", "User"));

		verify(helloActivity).hello(personCaptor.capture());
		assertThat(personCaptor.getValue().firstName()).isEqualTo("Temporal");
		assertThat(result).isEqualTo("Hello from the mock!");
	}

	@ComponentScan
	public static class Configuration {

	}

}
