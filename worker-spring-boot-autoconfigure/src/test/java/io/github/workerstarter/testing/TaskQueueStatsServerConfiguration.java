package io.github.workerstarter.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.connection.WorkflowServiceStubsOptionsCustomizer;
import io.github.workerstarter.embedded.EmbeddedTemporalServer;

/**
 * Puts a {@link TaskQueueStatsServer} in front of the embedded test server ({@code temporal.target=embedded}): the
 * application's stubs talk to it, it answers DescribeTaskQueue with the stats a test sets (inject it) and passes
 * every other call to the test server.
 */
@Configuration(proxyBeanMethods = false)
public class TaskQueueStatsServerConfiguration {

	@Bean(destroyMethod = "close")
	TaskQueueStatsServer taskQueueStatsServer(EmbeddedTemporalServer embedded) {
		return TaskQueueStatsServer.inFrontOf(embedded.channel());
	}

	// ordered after the embedded server's own customizer, which sets the channel this one replaces
	@Bean
	WorkflowServiceStubsOptionsCustomizer taskQueueStatsServerChannel(TaskQueueStatsServer server) {
		return (builder) -> builder.setChannel(server.channel());
	}

}
