package io.github.workerstarter.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * The drain must end inside Spring's shutdown phase: when the phase times out, Spring goes on destroying beans
 * (the gRPC stubs among them) under the still-running workers.
 */
public final class DrainTimeout {

	static final String PHASE_TIMEOUT_PROPERTY = "spring.lifecycle.timeout-per-shutdown-phase";

	private static final Duration SPRING_DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration MARGIN = Duration.ofSeconds(5);

	private DrainTimeout() {
	}

	/**
	 * The drain timeout in effect: {@code temporal.shutdown.drain-timeout}, or the phase timeout minus a margin.
	 * @throws WorkerConfigurationException when the configured drain does not fit in the phase
	 */
	public static Duration resolve(TemporalProperties.Shutdown shutdown, Environment environment) {
		Duration phase = Binder.get(environment)
			.bind(PHASE_TIMEOUT_PROPERTY, Duration.class)
			.orElse(SPRING_DEFAULT_PHASE_TIMEOUT);
		Duration configured = shutdown.drainTimeout();
		if (configured == null) {
			Duration derived = phase.minus(MARGIN);
			derived = (derived.compareTo(Duration.ofSeconds(1)) >= 0) ? derived : phase.dividedBy(2);
			checkStickyDrain(shutdown, derived);
			return derived;
		}
		if (configured.compareTo(phase) >= 0) {
			throw new WorkerConfigurationException("Property temporal.shutdown.drain-timeout is " + configured.toMillis()
					+ " ms, which does not fit in " + PHASE_TIMEOUT_PROPERTY + " (" + phase.toMillis()
					+ " ms): Spring would tear the application down under workers that are still draining.",
					"Raise " + PHASE_TIMEOUT_PROPERTY + " above the drain timeout (for example to "
							+ configured.plus(MARGIN).toSeconds() + "s), or lower temporal.shutdown.drain-timeout below "
							+ phase.toSeconds() + "s.");
		}
		checkStickyDrain(shutdown, configured);
		return configured;
	}

	/**
	 * Checks that the sticky-queue drain fits in the drain.
	 * @throws WorkerConfigurationException when it does not
	 */
	private static void checkStickyDrain(TemporalProperties.Shutdown shutdown, Duration drainTimeout) {
		if (shutdown.stickyQueueDrainTimeout().compareTo(drainTimeout) >= 0) {
			throw new WorkerConfigurationException("Property temporal.shutdown.sticky-queue-drain-timeout is "
					+ shutdown.stickyQueueDrainTimeout().toMillis() + " ms, which does not fit in the drain timeout ("
					+ drainTimeout.toMillis() + " ms).",
					"Lower temporal.shutdown.sticky-queue-drain-timeout below the drain timeout, or raise "
							+ "temporal.shutdown.drain-timeout.");
		}
	}

}
