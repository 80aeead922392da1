package io.github.workerstarter.lifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Counts the activities (local ones included) executing right now, per namespace and task queue, so a drain can say what it is
 * waiting for and what it had to interrupt, and health can show it.
 */
public class InFlightActivities extends WorkerInterceptorBase {

	// by namespace and task queue: one queue name may be served in several namespaces
	private final Map<String, AtomicInteger> byQueue = new ConcurrentHashMap<>();

	@Override
	public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
		return new ActivityInboundCallsInterceptorBase(next) {

			private String key = "";

			@Override
			public void init(ActivityExecutionContext context) {
				this.key = key(context.getInfo().getNamespace(), context.getInfo().getActivityTaskQueue());
				super.init(context);
			}

			@Override
			public ActivityOutput execute(ActivityInput input) {
				AtomicInteger counter = counter(this.key);
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
	 * Activities executing on a task queue now, in every namespace.
	 * @param taskQueue the queue
	 * @return the count
	 */
	public int count(String taskQueue) {
		String suffix = "/" + taskQueue;
		return this.byQueue.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith(suffix))
			.mapToInt((entry) -> entry.getValue().get())
			.sum();
	}

	/**
	 * Activities executing on a task queue of one namespace now.
	 * @param namespace the namespace's name
	 * @param taskQueue the queue
	 * @return the count
	 */
	public int count(String namespace, String taskQueue) {
		AtomicInteger counter = this.byQueue.get(key(namespace, taskQueue));
		return (counter != null) ? counter.get() : 0;
	}

	private static String key(String namespace, String taskQueue) {
		return namespace + "/" + taskQueue;
	}

	private AtomicInteger counter(String key) {
		return this.byQueue.computeIfAbsent(key, (k) -> new AtomicInteger());
	}

}
