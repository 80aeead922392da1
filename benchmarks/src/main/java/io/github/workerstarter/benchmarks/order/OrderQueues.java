package io.github.workerstarter.benchmarks.order;

/** The order flow's two task queues: the order queue and, derived from it, the activity-only payment queue. */
public final class OrderQueues {

	private OrderQueues() {
	}

	public static String paymentQueue(String orderQueue) {
		return orderQueue + "-payment";
	}

	/**
	 * The queues that run the order workflow and its activities next to the measured ones but get no load: a service
	 * with many queues of which few are busy ({@code --idle-queues}).
	 * @param orderQueue the measured order queue
	 * @param count how many
	 * @return their names
	 */
	public static java.util.List<String> idleQueues(String orderQueue, int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> orderQueue + "-idle-" + i).toList();
	}

}
