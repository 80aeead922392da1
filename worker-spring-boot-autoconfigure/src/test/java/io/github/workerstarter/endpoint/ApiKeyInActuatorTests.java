package io.github.workerstarter.endpoint;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key never shows in actuator's configprops and env endpoints, over real HTTP, even with show-values=always
 * (which un-masks every other value); nor do API keys and key passwords given on the command line, which the JVM also
 * keeps in the sun.java.command system property.
 */
class ApiKeyInActuatorTests {

	private static final String KEY = "tcld-very-secret-key-0123456789";

	private static final String PASSWORD = "keystore-secret-9876";

	private static final String JAVA_COMMAND = "sun.java.command";

	private ConfigurableApplicationContext app;

	@AfterEach
	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void apiKeyIsMaskedWhileOtherValuesAreShown() {
		Http http = start();
		for (String path : new String[] { "/actuator/configprops", "/actuator/env" }) {
			String body = http.get(path, Duration.ofSeconds(10)).body().toString();
			assertThat(body).as(path).doesNotContain(KEY).contains("******").contains("payments");
		}
		String env = http.get("/actuator/env/TEMPORAL_API_KEY", Duration.ofSeconds(10)).body().toString();
		assertThat(env).doesNotContain(KEY).contains("******");
	}

	@Test
	void secretsOnTheCommandLineAreMaskedInsideTheJavaCommand() {
		// what the JVM records for `java -jar app.jar <arguments>`: the arguments joined by spaces
		String command = "app.jar --server.port=0 --temporal.connection.api-key=" + KEY
				+ " --spring.ssl.bundle.jks.temporal.keystore.password=" + PASSWORD + " --TEMPORAL_API_KEY=" + KEY
				+ " --spring.ssl.bundle.pem.temporal.keystore.private-key-password=" + PASSWORD
				+ " --spring.ssl.bundle.jks.temporal.key.password=two words --orders.note=kept"
				+ " --temporal.connection.allow-plaintext-api-key=true";
		String original = System.getProperty(JAVA_COMMAND);
		System.setProperty(JAVA_COMMAND, command);
		try {
			Http http = start();
			for (String path : new String[] { "/actuator/env", "/actuator/env/" + JAVA_COMMAND }) {
				String body = http.get(path, Duration.ofSeconds(10)).body().toString();
				assertThat(body).as(path)
					.doesNotContain(KEY)
					.doesNotContain(PASSWORD)
					.doesNotContain("two words")
					.contains("app.jar --server.port=0 --temporal.connection.api-key=****** "
							+ "--spring.ssl.bundle.jks.temporal.keystore.password=****** --TEMPORAL_API_KEY=****** "
							+ "--spring.ssl.bundle.pem.temporal.keystore.private-key-password=****** "
							+ "--spring.ssl.bundle.jks.temporal.key.password=****** --orders.note=kept "
							+ "--temporal.connection.allow-plaintext-api-key=true");
			}
		}
		finally {
			System.setProperty(JAVA_COMMAND, original);
		}
	}

	@Test
	void withoutTheSanitizingFunctionTheJavaCommandWouldShowTheKey() {
		String original = System.getProperty(JAVA_COMMAND);
		System.setProperty(JAVA_COMMAND, "app.jar --temporal.connection.api-key=" + KEY);
		try {
			Http http = start("spring.autoconfigure.exclude="
					+ "io.github.workerstarter.endpoint.TemporalSecretsSanitizingAutoConfiguration");
			assertThat(http.get("/actuator/env/" + JAVA_COMMAND, Duration.ofSeconds(10)).body().toString())
				.contains(KEY);
		}
		finally {
			System.setProperty(JAVA_COMMAND, original);
		}
	}

	@Test
	void withoutTheSanitizingFunctionShowValuesWouldExposeIt() {
		// the control: this set-up does show secrets, so the test above proves the masking
		Http http = start("spring.autoconfigure.exclude="
				+ "io.github.workerstarter.endpoint.TemporalSecretsSanitizingAutoConfiguration");
		assertThat(http.get("/actuator/configprops", Duration.ofSeconds(10)).body().toString()).contains(KEY);
	}

	private Http start(String... extraProperties) {
		this.app = new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "temporal.target=127.0.0.1:1", "temporal.namespace=payments",
					"temporal.connection.api-key=" + KEY, "temporal.connection.allow-plaintext-api-key=true",
					"temporal.connect-timeout=200ms", "TEMPORAL_API_KEY=" + KEY,
					"management.endpoints.web.exposure.include=configprops,env",
					"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always")
			.properties(extraProperties)
			.run();
		return Http.of(this.app);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
