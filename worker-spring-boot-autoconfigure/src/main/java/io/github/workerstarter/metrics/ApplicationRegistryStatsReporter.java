package io.github.workerstarter.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.uber.m3.util.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;

import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The SDK's {@link MicrometerClientStatsReporter} made fit for a registry the application owns.
 *
 * <p>Three differences: closing this reporter (tally's scope closes its reporter on close) flushes instead of closing
 * the registry, which the SDK reporter does and which would end every other meter of the application; timers
 * only publish percentile histogram buckets when asked to, where the SDK reporter always does; and a negative
 * duration is recorded as zero.
 */
final class ApplicationRegistryStatsReporter extends ForwardingStatsReporter {

	private final MeterRegistry registry;

	private final boolean histograms;

	ApplicationRegistryStatsReporter(MeterRegistry registry, boolean histograms) {
		super(new MicrometerClientStatsReporter(registry));
		this.registry = registry;
		this.histograms = histograms;
	}

	@Override
	public void close() {
		// the registry belongs to the application: it outlives the Temporal scope and is closed by its own bean
		delegate().flush();
	}

	@Override
	public void reportTimer(String name, Map<String, String> tags, Duration interval) {
		// the SDK measures latencies such as schedule-to-start between the server's clock and this JVM's: a test
		// server that skipped time, or clock skew, makes them negative, which Micrometer refuses with a WARN and
		// without counting. Zero keeps the count (polls that got a task) and says "no measurable wait".
		Duration recorded = (interval.getNanos() < 0) ? Duration.ZERO : interval;
		if (this.histograms) {
			delegate().reportTimer(name, tags, recorded);
			return;
		}
		// no publishPercentileHistogram(...): the registry's configuration and meter filters decide
		Timer.builder(name).tags(tags(tags)).register(this.registry).record(recorded.getNanos(), TimeUnit.NANOSECONDS);
	}

	private static List<Tag> tags(Map<String, String> tags) {
		return (tags != null) ? tags.entrySet().stream().map((tag) -> Tag.of(tag.getKey(), tag.getValue())).toList()
				: List.of();
	}

}
