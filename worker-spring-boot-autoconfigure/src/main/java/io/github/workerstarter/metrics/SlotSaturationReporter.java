package io.github.workerstarter.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.uber.m3.tally.StatsReporter;

/**
 * Adds {@code temporal_worker_task_slots_saturation_percent} next to the SDK's own slot gauges: the share of a
 * worker's slots of one type in use, {@code used / (used + available) * 100}, with the same tags ({@code namespace},
 * {@code task_queue}, {@code worker_type}). Derived where the SDK reports the two, so it exists exactly when they do
 * and moves with them (with fixed slot counts and with a resource-based tuner alike). An autoscaler or an alert can
 * read a percentage without knowing each worker's slot count.
 */
final class SlotSaturationReporter extends ForwardingStatsReporter {

	static final String USED = "temporal_worker_task_slots_used";

	static final String AVAILABLE = "temporal_worker_task_slots_available";

	static final String SATURATION = "temporal_worker_task_slots_saturation_percent";

	private final Map<Map<String, String>, double[]> slots = new ConcurrentHashMap<>();

	SlotSaturationReporter(StatsReporter delegate) {
		super(delegate);
	}

	@Override
	public void reportGauge(String name, Map<String, String> tags, double value) {
		delegate().reportGauge(name, tags, value);
		boolean used = USED.equals(name);
		if (!used && !AVAILABLE.equals(name)) {
			return;
		}
		// [used, available], NaN until reported
		double[] counts = this.slots.computeIfAbsent(Map.copyOf(tags), (key) -> new double[] { Double.NaN, Double.NaN });
		synchronized (counts) {
			counts[used ? 0 : 1] = value;
			double total = counts[0] + counts[1];
			if (!Double.isNaN(total) && total > 0) {
				delegate().reportGauge(SATURATION, tags, 100 * counts[0] / total);
			}
		}
	}

}
