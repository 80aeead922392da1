package io.github.workerstarter.benchmarks.order;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.workerstarter.annotation.ActivityImpl;

/** Records each order's final status in memory. */
@ActivityImpl(taskQueues = "${bench.queue}")
public class OrderStatusActivitiesImpl implements OrderStatusActivities {

	private final Map<String, String> statusByOrder = new ConcurrentHashMap<>();

	@Override
	public void updateOrderStatus(String orderId, String status) {
		this.statusByOrder.put(orderId, status);
	}

}
