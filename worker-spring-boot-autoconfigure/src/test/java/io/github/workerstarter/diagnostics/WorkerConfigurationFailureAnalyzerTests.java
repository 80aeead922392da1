package io.github.workerstarter.diagnostics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** A configuration mistake reaches the user as Boot's failure report, with description and action. */
@ExtendWith(OutputCaptureExtension.class)
class WorkerConfigurationFailureAnalyzerTests {

	@Test
	void startupFailureIsReportedWithDescriptionAndAction(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--temporal.target=localhost"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property temporal.target has the value 'localhost', which is not host:port.")
			.contains("Action:")
			.contains("Set temporal.target to host:port");
	}

	@Test
	void badValueFoundWhileBindingIsReportedByUsNotAsABindingError(CapturedOutput output) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--temporal.target=embedded",
				"--temporal.workers.orders.max-concurrent-activities=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property temporal.workers.orders.max-concurrent-activities is 0; a worker needs at least 1.")
			.contains("Set temporal.workers.orders.max-concurrent-activities to 1 or more");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EmptyApplication {

	}

}
