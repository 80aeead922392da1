package io.github.workerstarter.devtools;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.devtools.restart.ConditionalOnInitializedRestarter;
import org.springframework.boot.devtools.restart.RestartScope;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration;
import io.github.workerstarter.embedded.EmbeddedTemporalServer;

/**
 * With Spring Boot DevTools restarting the application (a class changed), keeps the in-process server of
 * {@code temporal.target=embedded} across the restarts, as DevTools keeps its LiveReload server: it lives in the
 * Restarter, not in the context. The workers drain with the old context and start again on the new classes, and the
 * workflows started before the change carry on after it. Sticky execution is then off for workflow workers (the
 * SDK's test server never times out a sticky queue, and a restarted context's workers have a new one).
 */
@AutoConfiguration(before = EmbeddedServerAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.devtools.restart.Restarter",
		"io.temporal.testserver.TestServer" })
@ConditionalOnInitializedRestarter
@ConditionalOnProperty(prefix = "temporal", name = "target", havingValue = "embedded")
@ConditionalOnMissingBean(type = { "io.temporal.serviceclient.WorkflowServiceStubs",
		"io.github.workerstarter.connection.TemporalConnectionDetails" })
public final class TemporalDevToolsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(TemporalDevToolsAutoConfiguration.class);

	// created once per JVM and handed to each restarted context; never closed by a context
	@Bean(destroyMethod = "")
	@RestartScope
	@ConditionalOnMissingBean
	EmbeddedTemporalServer embeddedTemporalServer() {
		logger.info("Embedded Temporal server started; DevTools restarts keep it and its workflows");
		return EmbeddedTemporalServer.outlivingRestarts();
	}

}
