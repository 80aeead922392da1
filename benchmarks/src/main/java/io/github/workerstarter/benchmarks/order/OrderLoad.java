package io.github.workerstarter.benchmarks.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * Drives order workflows through the SDK client with a fixed number in flight: a new one starts as soon as one
 * completes. The same code runs in both variants, on the variant's own {@link WorkflowClient}.
 */
public final class OrderLoad {

	private final WorkflowClient client;

	private final String taskQueue;

	/**
	 * @param completed workflows that returned a payment id
	 * @param failed workflows that failed or timed out
	 * @param elapsedNanos from the first start to the last completion
	 */
	public record Batch(int completed, int failed, long elapsedNanos) {

		public double perSecond() {
			return this.completed / (this.elapsedNanos / 1e9);
		}

	}

	public OrderLoad(WorkflowClient client, String taskQueue) {
		this.client = client;
		this.taskQueue = taskQueue;
	}

	public Batch run(String idPrefix, int count, int inFlight, Duration timeout) throws InterruptedException {
		Semaphore slots = new Semaphore(inFlight);
		CountDownLatch done = new CountDownLatch(count);
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			slots.acquire();
			String orderId = idPrefix + "-" + i;
			OrderWorkflow workflow = this.client.newWorkflowStub(OrderWorkflow.class,
					WorkflowOptions.newBuilder().setWorkflowId(orderId).setTaskQueue(this.taskQueue).build());
			WorkflowClient.execute(workflow::processOrder, new Order(orderId, "c-" + i, "book", 1, BigDecimal.TEN))
				.whenComplete((paymentId, failure) -> {
					((failure == null) ? completed : failed).incrementAndGet();
					slots.release();
					done.countDown();
				});
		}
		if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException((count - done.getCount()) + " of " + count + " order workflows done after "
					+ timeout);
		}
		return new Batch(completed.get(), failed.get(), System.nanoTime() - started);
	}

}
