package io.github.workerstarter.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.StringUtils;

import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Task queues that beans name but no {@code temporal.workers} entry polls, collected over all beans so that one
 * startup failure lists every one of them with a block to paste into {@code application.yml}: a new application
 * whose beans name three queues should not need three restarts.
 */
final class UnconfiguredQueues {

	// map keys Boot binds as written; anything else needs the bracket form
	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

	private final Set<String> configured;

	// sorted, so the report and its yaml block read the same on every run
	private final Map<String, List<String>> beansByQueue = new TreeMap<>();

	private final Map<String, List<String>> annotationsByQueue = new TreeMap<>();

	private final Map<String, String> rawByQueue = new LinkedHashMap<>();

	UnconfiguredQueues(Set<String> configured) {
		this.configured = configured;
	}

	void add(String queue, String raw, String bean, String annotation) {
		this.beansByQueue.computeIfAbsent(queue, (q) -> new ArrayList<>()).add(annotation + " " + StringUtils.uncapitalize(bean));
		this.annotationsByQueue.computeIfAbsent(queue, (q) -> new ArrayList<>()).add(bean + " is annotated " + annotation);
		this.rawByQueue.putIfAbsent(queue, raw);
	}

	void failIfAny() {
		if (this.beansByQueue.isEmpty()) {
			return;
		}
		throw (this.beansByQueue.size() == 1) ? one() : several();
	}

	private WorkerConfigurationException one() {
		String queue = this.beansByQueue.keySet().iterator().next();
		String raw = this.rawByQueue.get(queue);
		String named = raw.equals(queue) ? "'" + queue + "'" : "'" + queue + "' (from '" + raw + "')";
		List<String> beans = this.beansByQueue.get(queue);
		String who = (beans.size() == 1) ? this.annotationsByQueue.get(queue).get(0) + " for task queue " + named
				: "Task queue " + named + " is named by " + String.join(" and ", beans);
		return new WorkerConfigurationException(who
						+ ", but no worker is configured for that queue. Configured task queues: " + this.configured + ".",
				"Add temporal.workers." + queue + " to the configuration, or name one of the configured task queues."
						+ DidYouMean.suggestion(queue, this.configured) + " In application.yml:\n\n" + block());
	}

	private WorkerConfigurationException several() {
		String list = this.beansByQueue.entrySet()
			.stream()
			.map((entry) -> "  - '" + entry.getKey() + "': " + String.join("; ", entry.getValue()))
			.collect(Collectors.joining("\n"));
		String suggestions = this.beansByQueue.keySet()
			.stream()
			.map((queue) -> DidYouMean.suggestion(queue, this.configured).replace("?", " (for '" + queue + "')?"))
			.collect(Collectors.joining());
		return new WorkerConfigurationException(
				this.beansByQueue.size() + " task queues named by beans have no worker configured under "
						+ "temporal.workers (configured task queues: " + this.configured + "):\n" + list,
				"Add a worker for each of them, or name configured task queues in the beans." + suggestions
						+ " In application.yml:\n\n" + block());
	}

	private String block() {
		StringBuilder yaml = new StringBuilder("temporal:\n  workers:\n");
		this.beansByQueue.keySet()
			.forEach((queue) -> yaml.append("    ").append(yamlKey(queue)).append(": {}\n"));
		return yaml.toString();
	}

	private static String yamlKey(String queue) {
		return PLAIN_KEY.matcher(queue).matches() ? queue : "\"[" + queue + "]\"";
	}

}
