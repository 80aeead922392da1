package io.github.workerstarter.sample.order.activities;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface OrderStatusActivities {

	/** Activity type {@code UpdateOrderStatus}. */
	void updateOrderStatus(String orderId, String status);

}
