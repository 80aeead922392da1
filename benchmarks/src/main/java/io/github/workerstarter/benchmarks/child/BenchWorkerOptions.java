package io.github.workerstarter.benchmarks.child;

import java.util.LinkedHashMap;
import java.util.Map;

import io.temporal.worker.WorkerOptions;

/**
 * The worker options both variants use, from one place: the raw variant builds {@link WorkerOptions} from them, the
 * starter variant gets the same values as {@code temporal.worker-defaults.*} properties. Pollers and threads are each
 * variant's own defaults (the SDK's for raw, the starter's for the starter).
 */
public final class BenchWorkerOptions {

	public static final int MAX_CONCURRENT_ACTIVITIES = 200;

	public static final int MAX_CONCURRENT_WORKFLOW_TASKS = 100;

	public static final String NAMESPACE = "default";

	/**
	 * Sticky execution as the SDK has it by default (raw and the official starter keep it): the benchmarks' server
	 * stands in for a real one, but the starter would recognise the SDK's test server and turn sticky execution off
	 * unless it is chosen, which costs every workflow task a full replay.
	 */
	public static final String STICKY_QUEUE_SCHEDULE_TO_START_TIMEOUT = "5s";

	/**
	 * The {@code starter+enc} variant's payload key ({@code temporal.payloads.encryption.keys.bench.secret}): a fixed
	 * benchmark key that protects nothing.
	 */
	public static final String PAYLOAD_KEY = "0Zl3pnJz0m0n5uC3b1Bq8mX2YkQ9rJ7tVwE4aSdFgHk=";

	/** {@code temporal.target} value of the in-process server; the raw variant honours it too. */
	public static final String EMBEDDED = "embedded";

	private BenchWorkerOptions() {
	}

	public static WorkerOptions.Builder rawBuilder() {
		return WorkerOptions.newBuilder()
			.setMaxConcurrentActivityExecutionSize(MAX_CONCURRENT_ACTIVITIES)
			.setMaxConcurrentWorkflowTaskExecutionSize(MAX_CONCURRENT_WORKFLOW_TASKS);
	}

	public static Map<String, Object> starterProperties(String target) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("temporal.target", target);
		properties.put("temporal.namespace", NAMESPACE);
		properties.put("temporal.worker-defaults.max-concurrent-activities", MAX_CONCURRENT_ACTIVITIES);
		properties.put("temporal.worker-defaults.max-concurrent-workflow-tasks", MAX_CONCURRENT_WORKFLOW_TASKS);
		properties.put("temporal.worker-defaults.sticky-queue-schedule-to-start-timeout",
				STICKY_QUEUE_SCHEDULE_TO_START_TIMEOUT);
		// the context's refresh waits for the server's first answer: on a saturated machine the default 5 s could pass
		// first, the workers would then start polling in the background, and "polling" would be measured too early
		properties.put("temporal.connect-timeout", "60s");
		return properties;
	}

	/**
	 * Payload encryption on (AES-256-GCM with {@link #PAYLOAD_KEY}), compression off: what {@code starter+enc} adds.
	 * @param properties the starter's properties, changed
	 */
	public static void encryptPayloads(Map<String, Object> properties) {
		properties.put("temporal.payloads.encryption.enabled", true);
		properties.put("temporal.payloads.encryption.keys.bench.secret", PAYLOAD_KEY);
	}

}
