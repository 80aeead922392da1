package io.github.workerstarter.benchmarks.order;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface OrderStatusActivities {

	/** Activity type {@code UpdateOrderStatus}. */
	void updateOrderStatus(String orderId, String status);

}
