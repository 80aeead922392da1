package io.github.workerstarter.benchmarks.order;

/** The order flow's two task queues: the order queue and, derived from it, the activity-only payment queue. */
public final class OrderQueues {

	private OrderQueues() {
	}

	public static String paymentQueue(String orderQueue) {
		return orderQueue + "-payment";
	}

}
