package io.github.workerstarter.sample.order.activities;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Profile;

import io.github.workerstarter.annotation.ActivityImpl;

/** Records each order's final status (in memory here; a database table in a real service). */
@Profile("!payment-worker") // a role of the jar: see application.yml
@ActivityImpl(taskQueues = "${ORDER_TASK_QUEUE:order-task-queue}")
public class OrderStatusActivitiesImpl implements OrderStatusActivities {

	private final Map<String, String> statusByOrder = new ConcurrentHashMap<>();

	@Override
	public void updateOrderStatus(String orderId, String status) {
		this.statusByOrder.put(orderId, status);
	}

	public Optional<String> recordedStatus(String orderId) {
		return Optional.ofNullable(this.statusByOrder.get(orderId));
	}

}
