package io.github.workerstarter.test.environment;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.workerstarter.config.UnknownPropertiesCheck;
import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.determinism.DeterminismCheckDefault;
import io.github.workerstarter.determinism.DeterminismCheckMode;

/**
 * Binds {@code temporal.test.*} and teaches the starter's unknown-property check those names, whether or not the
 * test environment itself is on ({@code temporal.test.environment.enabled=false} must not be an unknown property).
 * Makes the determinism check fail by default in tests, so non-deterministic workflow code fails the build, not
 * production ({@code temporal.workflows.determinism-check} still decides where it is set).
 */
@AutoConfiguration(before = TemporalConnectionAutoConfiguration.class)
@EnableConfigurationProperties(TemporalTestProperties.class)
public final class TemporalTestPropertiesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static UnknownPropertiesCheck temporalUnknownPropertiesCheck(Environment environment) {
		return new UnknownPropertiesCheck(environment, List.of(TemporalTestProperties.class));
	}

	@Bean
	@ConditionalOnMissingBean
	DeterminismCheckDefault temporalDeterminismCheckDefault() {
		return new DeterminismCheckDefault(DeterminismCheckMode.FAIL);
	}

}
