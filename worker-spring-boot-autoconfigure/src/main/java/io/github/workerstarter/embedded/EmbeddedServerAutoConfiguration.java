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
 * Backs off when {@code io.temporal:temporal-test-server} is absent; the connection auto-configuration then
 * reports the missing dependency.
 */
@AutoConfiguration(before = TemporalConnectionAutoConfiguration.class)
@ConditionalOnClass(name = "io.temporal.testserver.TestServer")
@ConditionalOnProperty(prefix = "temporal", name = "target", havingValue = "embedded")
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
