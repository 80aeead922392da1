package io.github.workerstarter.endpoint;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the Temporal API key out of {@code /actuator/configprops} and {@code /actuator/env} even where an application
 * sets {@code show-values: always} (which shows every other value unsanitized). Matches
 * {@code temporal.connection.api-key} in any spelling, and environment variables such as {@code TEMPORAL_API_KEY}.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class TemporalSecretsSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "temporalApiKeySanitizingFunction")
	SanitizingFunction temporalApiKeySanitizingFunction() {
		return (data) -> isTemporalApiKey(data) ? data.withSanitizedValue() : data;
	}

	static boolean isTemporalApiKey(SanitizableData data) {
		// configprops qualifies keys (temporal.connection.apiKey), env has them as written (dashed, or an env var)
		String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return key.startsWith("temporal") && key.endsWith("apikey");
	}

}
