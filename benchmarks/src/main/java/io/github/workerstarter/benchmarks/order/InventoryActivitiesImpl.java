package io.github.workerstarter.benchmarks.order;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.workerstarter.annotation.ActivityImpl;

/** Keeps reservations in memory, as the sample does, minus the per-call log line. */
@ActivityImpl(taskQueues = "${bench.queue}")
public class InventoryActivitiesImpl implements InventoryActivities {

	private final Map<String, Integer> reservedByOrder = new ConcurrentHashMap<>();

	@Override
	public void reserveStock(String orderId, String item, int quantity) {
		this.reservedByOrder.putIfAbsent(orderId, quantity);
	}

}
