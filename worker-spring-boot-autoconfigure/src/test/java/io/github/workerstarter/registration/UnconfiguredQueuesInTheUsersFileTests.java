package io.github.workerstarter.registration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.fixtures.claims.ClaimsFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The unconfigured-queue report as the claims service's author met it, with the configuration in a real file: it
 * names the file the application has ({@code application.yaml}, or lines for {@code application.properties}), and
 * asks to rename the misspelt key rather than to misspell the beans to match it.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnconfiguredQueuesInTheUsersFileTests {

	@Test
	void aMisspeltWorkerKeyInApplicationYamlIsTheKeyToRename(CapturedOutput output) {
		start("classpath:claims-yaml/application.yaml");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("is annotated @WorkflowImpl for task queue 'claims', but no worker is configured for that queue. "
					+ "Configured task queues: [claism, payouts].")
			.contains("The configured task queue 'claism', which no bean names, and 'claims' differ by a typo: either "
					+ "rename the key temporal.workers.claism to temporal.workers.claims in application.yaml (its settings "
					+ "stay), or name 'claism' in the bean.")
			.doesNotContain("Did you mean 'claism'?");
	}

	@Test
	void theBlockToPasteIsWrittenForTheApplicationsPropertiesFile(CapturedOutput output) {
		start("classpath:claims-properties/application.properties");

		assertThat(output).contains("Add temporal.workers.claims to the configuration, or name one of the configured "
				+ "task queues. In application.properties:\n\ntemporal.workers.claims.task-queue=claims\n");
	}

	private static void start(String configuration) {
		SpringApplication application = new SpringApplication(ClaimsApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.config.location=" + configuration).close());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ClaimsFixtures.class)
	static class ClaimsApplication {

	}

}
