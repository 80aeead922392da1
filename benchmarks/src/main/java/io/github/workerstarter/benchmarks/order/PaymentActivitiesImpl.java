package io.github.workerstarter.benchmarks.order;

import java.math.BigDecimal;

import io.github.workerstarter.annotation.ActivityImpl;

/**
 * Runs on the activity-only payment worker; never fails, so every workflow costs the same three activities. With
 * {@code --activity-cpu-ms} it computes for that many milliseconds first (CPU-bound work that never blocks, so a
 * virtual thread running it keeps its carrier).
 */
@ActivityImpl(taskQueues = "${bench.queue}-payment")
public class PaymentActivitiesImpl implements PaymentActivities {

	/** How long each payment computes, set once by the worker JVM's main from its arguments. */
	static volatile double cpuMillis;

	@Override
	public String processPayment(String orderId, String customerId, BigDecimal amount) {
		if (cpuMillis > 0) {
			burn((long) (cpuMillis * 1_000_000));
		}
		return "pay-" + orderId;
	}

	// computes without blocking for that long on the clock (the thread CPU clock is not available on virtual threads:
	// ThreadMXBean answers -1 there)
	private static long burn(long nanos) {
		long until = System.nanoTime() + nanos;
		long sum = 0;
		while (System.nanoTime() - until < 0) {
			for (int i = 0; i < 10_000; i++) {
				sum += i * 31L ^ sum;
			}
		}
		return sum;
	}

}
