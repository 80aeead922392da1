package io.github.workerstarter.benchmarks.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/**
 * Drives order workflows through the SDK client, the same code in every variant on the variant's own
 * {@link WorkflowClient}: either a closed loop with a fixed number in flight (a new one starts as soon as one
 * completes: how much the worker can do) or an open loop at a fixed rate (starts on a schedule, whatever is still in
 * flight: how long a workflow takes at a given load).
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

	/**
	 * An open-loop batch.
	 * @param batch completed, failed and elapsed (from the first planned start to the last completion)
	 * @param latencyMillis each completed workflow's end-to-end latency, sorted: from its planned start (not the
	 * moment the client got round to it, so a client or server falling behind shows as latency rather than as a
	 * lower rate) to the moment its result arrived
	 * @param startLagMillis how late the last start was sent against its plan
	 */
	public record OpenBatch(Batch batch, double[] latencyMillis, double startLagMillis) {

		public double percentile(double fraction) {
			if (this.latencyMillis.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(fraction * this.latencyMillis.length) - 1;
			return this.latencyMillis[Math.max(0, Math.min(index, this.latencyMillis.length - 1))];
		}

		public double max() {
			return (this.latencyMillis.length == 0) ? Double.NaN : this.latencyMillis[this.latencyMillis.length - 1];
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

	/**
	 * Starts {@code count} workflows at a fixed rate, each at its planned instant whatever is still in flight, and
	 * waits for all of them. Starting is a blocking call in the SDK (the start request, then an asynchronous wait for
	 * the result), so starts are handed to a pool of client threads and the schedule never waits for one.
	 * @param idPrefix workflow id prefix
	 * @param perSecond the rate
	 * @param count how many
	 * @param timeout how long all may take
	 * @return the latencies
	 */
	public OpenBatch runOpen(String idPrefix, double perSecond, int count, Duration timeout)
			throws InterruptedException {
		long[] latencies = new long[count];
		CountDownLatch done = new CountDownLatch(count);
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		ExecutorService starters = Executors.newFixedThreadPool(16, (runnable) -> {
			Thread thread = new Thread(runnable, "open-loop-starter");
			thread.setDaemon(true);
			return thread;
		});
		long intervalNanos = (long) (1e9 / perSecond);
		long started = System.nanoTime();
		long lastLag = 0;
		try {
			for (int i = 0; i < count; i++) {
				long planned = started + i * intervalNanos;
				long wait = planned - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				lastLag = System.nanoTime() - planned;
				int index = i;
				String orderId = idPrefix + "-" + i;
				starters.execute(() -> {
					OrderWorkflow workflow = this.client.newWorkflowStub(OrderWorkflow.class,
							WorkflowOptions.newBuilder().setWorkflowId(orderId).setTaskQueue(this.taskQueue).build());
					try {
						WorkflowClient
							.execute(workflow::processOrder,
									new Order(orderId, "c-" + index, "book", 1, BigDecimal.TEN))
							.whenComplete((paymentId, failure) -> {
								latencies[index] = (failure == null) ? System.nanoTime() - planned : -1;
								((failure == null) ? completed : failed).incrementAndGet();
								done.countDown();
							});
					}
					catch (RuntimeException ex) {
						latencies[index] = -1;
						failed.incrementAndGet();
						done.countDown();
					}
				});
			}
			if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException((count - done.getCount()) + " of " + count
						+ " open-loop order workflows done after " + timeout);
			}
		}
		finally {
			starters.shutdownNow();
		}
		long elapsed = System.nanoTime() - started;
		double[] millis = Arrays.stream(latencies).filter((nanos) -> nanos >= 0).mapToDouble((nanos) -> nanos / 1e6)
			.sorted()
			.toArray();
		return new OpenBatch(new Batch(completed.get(), failed.get(), elapsed), millis, lastLag / 1e6);
	}

}
