package io.github.workerstarter.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Counts the activities (local ones included) executing right now, per task queue, so a drain can say what it is
 * waiting for and what it had to interrupt, and health can show it.
 */
public class InFlightActivities extends WorkerInterceptorBase {

	private final Map<String, AtomicInteger> byQueue = new ConcurrentHashMap<>();

	@Override
	public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
		return new ActivityInboundCallsInterceptorBase(next) {

			private String taskQueue = "";

			@Override
			public void init(ActivityExecutionContext context) {
				this.taskQueue = context.getInfo().getActivityTaskQueue();
				super.init(context);
			}

			@Override
			public ActivityOutput execute(ActivityInput input) {
				AtomicInteger counter = counter(this.taskQueue);
				counter.incrementAndGet();
				try {
					return super.execute(input);
				}
				finally {
					counter.decrementAndGet();
				}
			}

		};
	}

	/**
	 * Activities executing on a task queue now.
	 * @param taskQueue the queue
	 * @return the count
	 */
	public int count(String taskQueue) {
		AtomicInteger counter = this.byQueue.get(taskQueue);
		return (counter != null) ? counter.get() : 0;
	}

	private AtomicInteger counter(String taskQueue) {
		return this.byQueue.computeIfAbsent(taskQueue, (queue) -> new AtomicInteger());
	}

}
