package io.github.workerstarter.embedded;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.connection.WorkflowServiceStubsOptionsCustomizer;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServerAutoConfigurationTests {

	@Test
	void embeddedTargetStartsARealServerTheStubsTalkTo() {
		runner().withPropertyValues("temporal.target=embedded").run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedTemporalServer.class);
			WorkflowServiceStubs stubs = context.getBean(WorkflowServiceStubs.class);
			var response = stubs.blockingStub()
				.describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
			assertThat(response.getNamespaceInfo().getName()).isEqualTo("default");
		});
	}

	@Test
	void noServerForARemoteTarget() {
		runner().withPropertyValues("temporal.target=localhost:7233")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedTemporalServer.class));
	}

	@Test
	void noServerWhenTheStubsComeFromElsewhere() {
		WorkflowServiceStubs own = WorkflowServiceStubs
			.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget("localhost:7233").build());
		runner().withPropertyValues("temporal.target=embedded")
			.withBean(WorkflowServiceStubs.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmbeddedTemporalServer.class)
				.doesNotHaveBean(WorkflowServiceStubsOptionsCustomizer.class));
		own.shutdownNow();
	}

	@Test
	void userServerBeanReplacesOurs() {
		EmbeddedTemporalServer own = new EmbeddedTemporalServer();
		runner().withPropertyValues("temporal.target=embedded")
			.withBean(EmbeddedTemporalServer.class, () -> own)
			.run((context) -> assertThat(context.getBean(EmbeddedTemporalServer.class)).isSameAs(own));
	}

}
