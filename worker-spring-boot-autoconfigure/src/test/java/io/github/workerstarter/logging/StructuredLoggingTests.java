package io.github.workerstarter.logging;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.audit.AuditFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log lines as an application writes them with Boot's structured logging on: a real application, the console
 * in ECS JSON, one workflow run on the embedded server.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

	@AfterEach
	void restoreTestLogging() throws Exception {
		// back to logback-test.xml for the tests that run after this one in the same JVM
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		logback.reset();
		new ContextInitializer(logback).autoConfig();
	}

	@Test
	void activityAndWorkflowLinesCarryTheirTemporalFieldsAsJson(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditApplication.class)
			.web(WebApplicationType.NONE)
			.properties("logging.config=classpath:logback-structured.xml", "logging.structured.format.console=ecs",
					"spring.main.banner-mode=off", "temporal.target=embedded", "temporal.workers.audits.identity=json")
			.run()) {
			assertThat(AuditFixtures.audit(context, "audit-json", "invoice-9")).isEqualTo("recorded invoice-9");
		}
		Map<String, Object> activityLine = jsonLine(output, "Recording invoice-9");
		assertThat(activityLine).containsEntry("WorkflowId", "audit-json")
			.containsEntry("ActivityType", "Record")
			.containsEntry("WorkflowType", "Audit")
			.containsEntry("TaskQueue", "audits")
			.containsEntry("Attempt", "1")
			.containsKeys("RunId", "ActivityId");
		assertThat(jsonLine(output, "Audit of invoice-9 started")).containsEntry("WorkflowId", "audit-json")
			.containsEntry("WorkflowType", "Audit")
			.containsEntry("Attempt", "1")
			.containsEntry("RunId", activityLine.get("RunId"))
			.doesNotContainKey("ActivityType");
	}

	private static Map<String, Object> jsonLine(CapturedOutput output, String message) {
		List<Map<String, Object>> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map((line) -> JsonParserFactory.getJsonParser().parseMap(line))
			.filter((line) -> message.equals(line.get("message")))
			.toList();
		assertThat(lines).as("JSON lines with message '%s' in:%n%s", message, output.getOut()).hasSize(1);
		return lines.get(0);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(AuditFixtures.class)
	static class AuditApplication {

	}

}
