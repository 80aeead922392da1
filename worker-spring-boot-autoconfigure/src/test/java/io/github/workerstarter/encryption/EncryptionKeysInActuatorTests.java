package io.github.workerstarter.encryption;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.workerstarter.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key material never shows in /actuator/env, /actuator/configprops or /actuator/temporal over real HTTP, even with
 * show-values=always, nor in the log; a key given on the command line is masked inside sun.java.command too.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionKeysInActuatorTests {

	private static final String SECRET = TestKeys.base64(TestKeys.key(41));

	private static final String ARGUMENT_SECRET = TestKeys.base64(TestKeys.key(42));

	private static final String JAVA_COMMAND = "sun.java.command";

	private ConfigurableApplicationContext app;

	@AfterEach
	void close() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void keysAreMaskedEverywhereWhileOtherValuesAreShown(CapturedOutput output) {
		String original = System.getProperty(JAVA_COMMAND);
		System.setProperty(JAVA_COMMAND,
				"app.jar --temporal.payloads.encryption.keys.k-2026-07.secret=" + ARGUMENT_SECRET + " --orders.note=kept");
		try {
			Http http = start();
			for (String path : new String[] { "/actuator/configprops", "/actuator/env", "/actuator/temporal",
					"/actuator/env/PAYLOAD_KEY", "/actuator/env/" + JAVA_COMMAND }) {
				String body = http.get(path, Duration.ofSeconds(30)).body().toString();
				assertThat(body).as(path).doesNotContain(SECRET).doesNotContain(ARGUMENT_SECRET);
			}
			assertThat(http.get("/actuator/configprops", Duration.ofSeconds(30)).body().toString())
				.contains("k-2026-06", "******");
			assertThat(http.get("/actuator/env/" + JAVA_COMMAND, Duration.ofSeconds(30)).body().toString())
				.contains("--temporal.payloads.encryption.keys.k-2026-07.secret=****** --orders.note=kept");
			assertThat(output).contains("Temporal payloads are encrypted with AES-256-GCM: new payloads with key "
					+ "'k-2026-06'")
				.doesNotContain(SECRET);
		}
		finally {
			System.setProperty(JAVA_COMMAND, original);
		}
	}

	@Test
	void withoutTheSanitizingFunctionShowValuesWouldExposeTheKey() {
		// the control: this set-up does show the key, so the test above proves the masking
		this.app = new SpringApplicationBuilder(App.class, NoKeyMasking.class).properties(PROPERTIES)
			.properties("spring.autoconfigure.exclude="
					+ "io.github.workerstarter.endpoint.TemporalSecretsSanitizingAutoConfiguration")
			.run();
		Http http = Http.of(this.app);
		assertThat(http.get("/actuator/configprops", Duration.ofSeconds(30)).body().toString()).contains(SECRET);
	}

	private static final String[] PROPERTIES = { "server.port=0", "temporal.target=127.0.0.1:1",
			"temporal.connect-timeout=200ms", "temporal.payloads.encryption.enabled=true",
			"temporal.payloads.encryption.keys.k-2026-06.secret=${PAYLOAD_KEY}", "PAYLOAD_KEY=" + SECRET,
			"management.endpoints.web.exposure.include=configprops,env,temporal",
			"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always" };

	private Http start() {
		this.app = new SpringApplicationBuilder(App.class).properties(PROPERTIES).run();
		return Http.of(this.app);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	static class NoKeyMasking {

		@Bean
		SanitizingFunction temporalPayloadKeySanitizingFunction() {
			return (data) -> data;
		}

	}

}
