package io.github.workerstarter.plugin;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.plugin.LedgerPlugin;
import io.github.workerstarter.fixtures.plugin.LedgerPluginConfiguration;
import io.github.workerstarter.fixtures.plugin.LedgerReportWorkflowImpl;
import io.github.workerstarter.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/temporal} over real HTTP lists the plugin beans, where each went, and what they register. */
class TemporalPluginsEndpointTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	@Test
	void listsThePluginsTheWorkersRunWithAndWhatTheyRegister() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WebApp.class)
			.properties("server.port=0", "temporal.target=embedded", "temporal.workers.greetings.workflows=true",
					"management.endpoints.web.exposure.include=temporal")
			.run()) {
			JsonNode body = Http.of(app).get("/actuator/temporal", REQUEST_TIMEOUT).body();
			JsonNode plugin = body.get("plugins").get(0);
			assertThat(body.get("plugins").size()).isEqualTo(1);
			assertThat(plugin.get("name").asString()).isEqualTo("acme.ledger");
			assertThat(plugin.get("bean").asString()).isEqualTo("ledgerPlugin");
			assertThat(plugin.get("type").asString()).isEqualTo(LedgerPlugin.class.getName());
			assertThat(plugin.get("kinds").get(0).asString()).isEqualTo("SimplePlugin");
			assertThat(plugin.get("limitedTo").isNull()).isTrue();
			assertThat(plugin.get("appliedTo").get("main").asString()).isEqualTo("service stubs");
			JsonNode worker = body.get("workers").get("greetings");
			assertThat(worker.get("plugins").get(0).asString()).isEqualTo("acme.ledger");
			assertThat(worker.get("options").get("identity").asString()).isEqualTo("ledger@greetings");
			JsonNode report = worker.get("workflows").get(1);
			assertThat(report.get("type").asString()).isEqualTo("LedgerReport");
			assertThat(report.get("plugin").asString()).isEqualTo("acme.ledger");
			assertThat(report.get("beanClass").asString()).isEqualTo(LedgerReportWorkflowImpl.class.getName());
			assertThat(report.get("bean").isNull()).isTrue();
			assertThat(worker.get("workflows").get(0).get("bean").asString()).isEqualTo("greetingWorkflowImpl");
			assertThat(worker.get("activities").get(1).get("type").asString()).isEqualTo("LedgerBalance");
			assertThat(worker.get("activities").get(1).get("plugin").asString()).isEqualTo("acme.ledger");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ GreetingFixtures.class, LedgerPluginConfiguration.class })
	static class WebApp {

	}

}
