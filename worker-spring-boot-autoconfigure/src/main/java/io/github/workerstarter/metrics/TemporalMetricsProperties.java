package io.github.workerstarter.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Temporal SDK's metrics reach the application's Micrometer registry, bound from {@code temporal.metrics.*}.
 *
 * @param enabled Whether the SDK's worker and client metrics are published to the application's MeterRegistry.
 * @param reportInterval How often counters and gauges are pushed from the SDK to the MeterRegistry. Timers are
 * recorded as they happen; counters lag behind by up to this interval, so keep it below the scrape interval.
 * @param tags Extra tags added to every Temporal metric, for example an application or region name.
 * @param histograms Whether Temporal timers publish percentile histogram buckets. Off by default because every
 * timer then multiplies into dozens of series per tag combination; the registry's own configuration (for example
 * management.metrics.distribution.percentiles-histogram) can still turn them on for single timers.
 */
@ConfigurationProperties("temporal.metrics")
public record TemporalMetricsProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("10s") Duration reportInterval, @Nullable Map<String, String> tags, boolean histograms) {

	public TemporalMetricsProperties {
		if (reportInterval.isNegative() || reportInterval.isZero()) {
			throw new IllegalArgumentException(
					"temporal.metrics.report-interval must be positive, was " + reportInterval);
		}
		tags = (tags != null) ? new LinkedHashMap<>(tags) : new LinkedHashMap<>();
	}

	@Override
	public Map<String, String> tags() {
		return Map.copyOf(this.tags);
	}

}
