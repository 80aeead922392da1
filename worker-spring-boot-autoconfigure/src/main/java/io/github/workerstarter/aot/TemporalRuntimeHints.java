package io.github.workerstarter.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.determinism.DeterminismProperties;
import io.github.workerstarter.endpoint.TemporalEndpointProperties;
import io.github.workerstarter.metrics.TemporalMetricsProperties;

/**
 * The starter's own reflection, for a native image: the check for unknown {@code temporal.*} properties reads the
 * components of every properties record, including those whose auto-configuration is off (for which Spring Boot
 * registers no binding hints). Registered in {@code META-INF/spring/aot.factories}.
 */
public final class TemporalRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), TemporalProperties.class,
				TemporalMetricsProperties.class, TemporalEndpointProperties.class, DeterminismProperties.class);
	}

}
