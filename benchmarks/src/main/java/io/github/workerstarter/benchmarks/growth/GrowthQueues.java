package io.github.workerstarter.benchmarks.growth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.workerstarter.benchmarks.child.ChildArgs;

/** The queues of one growth run: {@code <prefix>-0} to {@code <prefix>-(n-1)}. */
final class GrowthQueues {

	/** As many queues as the annotations have placeholders. */
	static final int MAX = 200;

	private GrowthQueues() {
	}

	static List<String> names(ChildArgs args) {
		int count = args.integer("queues");
		if (count < 1 || count > MAX) {
			throw new IllegalArgumentException("--queues must be 1.." + MAX + ", was " + count);
		}
		String prefix = args.string("queue");
		return IntStream.range(0, count).mapToObj((i) -> prefix + "-" + i).toList();
	}

	/**
	 * Properties for the starter: one {@code temporal.workers} entry per queue (with its identity, as the raw
	 * variant sets it), and the annotations' placeholders.
	 */
	static Map<String, Object> starterProperties(List<String> queues) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String queue : queues) {
			properties.put("temporal.workers." + queue + ".identity", queue);
		}
		for (int i = 0; i < MAX; i++) {
			properties.put("growth.queue." + i, queues.get((i < queues.size()) ? i : 0));
		}
		return properties;
	}

}
