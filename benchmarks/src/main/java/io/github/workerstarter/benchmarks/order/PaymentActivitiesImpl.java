package io.github.workerstarter.benchmarks.order;

import java.math.BigDecimal;

import io.github.workerstarter.annotation.ActivityImpl;

/**
 * Runs on the activity-only payment worker; never fails, so every workflow costs the same three activities. With
 * {@code --activity-cpu-ms} it computes for that long first (CPU-bound work, which never blocks: what a virtual
 * thread cannot yield during).
 */
@ActivityImpl(taskQueues = "${bench.queue}-payment")
public class PaymentActivitiesImpl implements PaymentActivities {

	/** CPU time each payment spends, set once by the worker JVM's main from its arguments. */
	static volatile double cpuMillis;

	@Override
	public String processPayment(String orderId, String customerId, BigDecimal amount) {
		if (cpuMillis > 0) {
			burn((long) (cpuMillis * 1_000_000));
		}
		return "pay-" + orderId;
	}

	// thread CPU time, not wall time: a thread that waits for a core keeps computing once it has one
	private static long burn(long nanos) {
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long until = threads.getCurrentThreadCpuTime() + nanos;
		long sum = 0;
		while (threads.getCurrentThreadCpuTime() < until) {
			for (int i = 0; i < 10_000; i++) {
				sum += i * 31L ^ sum;
			}
		}
		return sum;
	}

}
