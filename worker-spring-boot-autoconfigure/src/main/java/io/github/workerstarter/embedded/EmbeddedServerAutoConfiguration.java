package io.github.workerstarter.embedded;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.connection.WorkflowServiceStubsOptionsCustomizer;

/**
 * Starts the in-process Temporal server for {@code temporal.target=embedded} and points the connection at it.
 * Backs off when {@code io.temporal:temporal-test-server} is absent (the connection auto-configuration then reports
 * the missing dependency), and when the {@code WorkflowServiceStubs} come from elsewhere (the application's own
 * bean, or the test module's {@code TestWorkflowEnvironment}) or when a service connection (Docker Compose,
 * Testcontainers) names a real server: nothing would connect to a server started here.
 */
@AutoConfiguration(before = TemporalConnectionAutoConfiguration.class)
@ConditionalOnClass(name = "io.temporal.testserver.TestServer")
@ConditionalOnProperty(prefix = "temporal", name = "target", havingValue = "embedded")
@ConditionalOnMissingBean(type = { "io.temporal.serviceclient.WorkflowServiceStubs",
		"io.github.workerstarter.connection.TemporalConnectionDetails" })
public final class EmbeddedServerAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	EmbeddedTemporalServer embeddedTemporalServer() {
		return new EmbeddedTemporalServer();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WorkflowServiceStubsOptionsCustomizer embeddedTemporalServerChannel(EmbeddedTemporalServer server) {
		return (builder) -> builder.setChannel(server.channel());
	}

}
