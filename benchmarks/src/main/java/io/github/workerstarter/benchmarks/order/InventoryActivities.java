package io.github.workerstarter.benchmarks.order;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface InventoryActivities {

	/** Activity type {@code ReserveStock}. */
	void reserveStock(String orderId, String item, int quantity);

}
