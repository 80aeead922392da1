package io.github.workerstarter.metrics;

import java.util.Map;

import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;

/**
 * A tally {@link StatsReporter} that passes everything to another one; the starter's reporters extend it and override
 * only what they change.
 */
abstract class ForwardingStatsReporter implements StatsReporter {

	private final StatsReporter delegate;

	ForwardingStatsReporter(StatsReporter delegate) {
		this.delegate = delegate;
	}

	protected final StatsReporter delegate() {
		return this.delegate;
	}

	@Override
	public Capabilities capabilities() {
		return this.delegate.capabilities();
	}

	@Override
	public void flush() {
		this.delegate.flush();
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public void reportCounter(String name, Map<String, String> tags, long value) {
		this.delegate.reportCounter(name, tags, value);
	}

	@Override
	public void reportGauge(String name, Map<String, String> tags, double value) {
		this.delegate.reportGauge(name, tags, value);
	}

	@Override
	public void reportTimer(String name, Map<String, String> tags, Duration interval) {
		this.delegate.reportTimer(name, tags, interval);
	}

	@Override
	@SuppressWarnings("deprecation")
	public void reportHistogramValueSamples(String name, Map<String, String> tags, Buckets buckets,
			double bucketLowerBound, double bucketUpperBound, long samples) {
		this.delegate.reportHistogramValueSamples(name, tags, buckets, bucketLowerBound, bucketUpperBound, samples);
	}

	@Override
	@SuppressWarnings("deprecation")
	public void reportHistogramDurationSamples(String name, Map<String, String> tags, Buckets buckets,
			Duration bucketLowerBound, Duration bucketUpperBound, long samples) {
		this.delegate.reportHistogramDurationSamples(name, tags, buckets, bucketLowerBound, bucketUpperBound,
				samples);
	}

}
