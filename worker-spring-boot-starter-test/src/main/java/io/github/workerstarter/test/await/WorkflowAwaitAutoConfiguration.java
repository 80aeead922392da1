package io.github.workerstarter.test.await;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.test.environment.TemporalTestProperties;
import io.github.workerstarter.test.environment.TemporalTestPropertiesAutoConfiguration;
import io.temporal.client.WorkflowClient;

/** A {@link WorkflowAwait} for every test of an application with a {@code WorkflowClient}, test environment or not. */
@AutoConfiguration(after = { TemporalConnectionAutoConfiguration.class, TemporalTestPropertiesAutoConfiguration.class })
@ConditionalOnBean(WorkflowClient.class)
public final class WorkflowAwaitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WorkflowAwait temporalWorkflowAwait(WorkflowClient client, TemporalTestProperties test) {
		return new WorkflowAwait(client, test.awaitTimeout());
	}

}
