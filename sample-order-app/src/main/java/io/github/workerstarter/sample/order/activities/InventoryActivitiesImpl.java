package io.github.workerstarter.sample.order.activities;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;

import io.github.workerstarter.annotation.ActivityImpl;

/** Keeps reservations in memory; idempotent per order, as a retried activity must be. */
@Profile("!payment-worker") // a role of the jar: see application.yml
@ActivityImpl(taskQueues = "${ORDER_TASK_QUEUE:order-task-queue}")
public class InventoryActivitiesImpl implements InventoryActivities {

	private static final Logger logger = LoggerFactory.getLogger(InventoryActivitiesImpl.class);

	private final Map<String, Integer> reservedByOrder = new ConcurrentHashMap<>();

	@Override
	public void reserveStock(String orderId, String item, int quantity) {
		this.reservedByOrder.putIfAbsent(orderId, quantity);
		logger.info("Reserved {} x {} for {}", quantity, item, orderId);
	}

	public Integer reservedFor(String orderId) {
		return this.reservedByOrder.get(orderId);
	}

}
