package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.nonconcrete.AbstractGreetingWorkflow;
import io.github.workerstarter.fixtures.nonconcrete.NonConcreteApplication;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class NonConcreteAnnotatedTypesTests {

	@Test
	void annotationOnAnAbstractClassFailsStartup() {
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(NonConcreteApplication.class)
			.web(WebApplicationType.NONE)
			.properties("temporal.target=embedded", "temporal.workers.greetings.identity=x")
			.run()
			.close());
		WorkerConfigurationException cause = configurationFailure(failure);
		assertThat(cause.getMessage()).contains(AbstractGreetingWorkflow.class.getName())
			.contains("is annotated @WorkflowImpl but is an abstract class, which component scanning skips");
		assertThat(cause.getAction()).contains("Move @WorkflowImpl to the concrete class");
	}

}
