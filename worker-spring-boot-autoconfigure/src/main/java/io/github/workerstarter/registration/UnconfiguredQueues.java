package io.github.workerstarter.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.StringUtils;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.WorkerEntry;
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

	private final Map<String, Set<String>> configuredByNamespace = new LinkedHashMap<>();

	private final Set<String> entryNames;

	// by missing worker (queue and namespace), sorted, so the report and its yaml block read the same on every run
	private final Map<Missing, List<String>> beansByWorker = new TreeMap<>();

	private final Map<Missing, List<String>> annotationsByWorker = new TreeMap<>();

	private final Map<Missing, String> rawByWorker = new LinkedHashMap<>();

	/** A worker that is missing: a task queue in a namespace (by alias). */
	private record Missing(String queue, String namespace) implements Comparable<Missing> {

		boolean isMain() {
			return NamespaceProperties.MAIN.equals(this.namespace);
		}

		String describe() {
			return "'" + this.queue + "'" + (isMain() ? "" : " in namespace " + this.namespace);
		}

		@Override
		public int compareTo(Missing other) {
			int byQueue = this.queue.compareTo(other.queue);
			return (byQueue != 0) ? byQueue : this.namespace.compareTo(other.namespace);
		}

	}

	UnconfiguredQueues(List<WorkerEntry> entries) {
		this.configured = new LinkedHashSet<>();
		this.entryNames = new LinkedHashSet<>();
		entries.forEach((entry) -> {
			this.configured.add(entry.taskQueue());
			this.configuredByNamespace.computeIfAbsent(entry.namespace(), (alias) -> new LinkedHashSet<>())
				.add(entry.taskQueue());
			this.entryNames.add(entry.name());
		});
	}

	/**
	 * A queue that a bean names and no worker polls (in the namespaces the bean is limited to).
	 * @param namespaces the bean's namespaces; empty for any, which makes the main one the place to add it
	 */
	void add(String queue, String raw, String bean, String annotation, List<String> namespaces) {
		for (String namespace : namespaces.isEmpty() ? List.of(NamespaceProperties.MAIN) : namespaces) {
			Missing missing = new Missing(queue, namespace);
			this.beansByWorker.computeIfAbsent(missing, (m) -> new ArrayList<>())
				.add(annotation + " " + StringUtils.uncapitalize(bean));
			this.annotationsByWorker.computeIfAbsent(missing, (m) -> new ArrayList<>())
				.add(bean + " is annotated " + annotation);
			this.rawByWorker.putIfAbsent(missing, raw);
		}
	}

	void failIfAny() {
		if (this.beansByWorker.isEmpty()) {
			return;
		}
		throw (this.beansByWorker.size() == 1) ? one() : several();
	}

	private WorkerConfigurationException one() {
		Missing missing = this.beansByWorker.keySet().iterator().next();
		String raw = this.rawByWorker.get(missing);
		String named = missing.describe() + (raw.equals(missing.queue()) ? "" : " (from '" + raw + "')");
		List<String> beans = this.beansByWorker.get(missing);
		String who = (beans.size() == 1) ? this.annotationsByWorker.get(missing).get(0) + " for task queue " + named
				: "Task queue " + named + " is named by " + String.join(" and ", beans);
		Set<String> candidates = this.configuredByNamespace.getOrDefault(missing.namespace(), Set.of());
		return new WorkerConfigurationException(who
						+ ", but no worker is configured for that queue. Configured task queues"
						+ (missing.isMain() ? "" : " in namespace " + missing.namespace()) + ": " + candidates + ".",
				"Add temporal.workers." + entryName(missing) + " to the configuration, or name one of the configured "
						+ "task queues." + DidYouMean.suggestion(missing.queue(), candidates) + " In application.yml:\n\n"
						+ block());
	}

	private WorkerConfigurationException several() {
		String list = this.beansByWorker.entrySet()
			.stream()
			.map((entry) -> "  - " + entry.getKey().describe() + ": " + String.join("; ", entry.getValue()))
			.collect(Collectors.joining("\n"));
		String suggestions = this.beansByWorker.keySet()
			.stream()
			.map(Missing::queue)
			.distinct()
			.map((queue) -> DidYouMean.suggestion(queue, this.configured).replace("?", " (for '" + queue + "')?"))
			.collect(Collectors.joining());
		return new WorkerConfigurationException(
				this.beansByWorker.size() + " task queues named by beans have no worker configured under "
						+ "temporal.workers (configured task queues: " + this.configured + "):\n" + list,
				"Add a worker for each of them, or name configured task queues in the beans." + suggestions
						+ " In application.yml:\n\n" + block());
	}

	private String block() {
		StringBuilder yaml = new StringBuilder("temporal:\n  workers:\n");
		for (Missing missing : this.beansByWorker.keySet()) {
			String name = entryName(missing);
			yaml.append("    ").append(yamlKey(name)).append(": ");
			if (missing.isMain()) {
				yaml.append("{}\n");
			}
			else {
				yaml.append("{ namespace: ").append(missing.namespace())
					.append(name.equals(missing.queue()) ? "" : ", task-queue: " + quoted(missing.queue()))
					.append(" }\n");
			}
		}
		return yaml.toString();
	}

	// the queue's name, unless an entry of that name exists (the queue in another namespace): then alias-queue
	private String entryName(Missing missing) {
		return (missing.isMain() || !this.entryNames.contains(missing.queue())) ? missing.queue()
				: missing.namespace() + "-" + missing.queue();
	}

	private static String quoted(String value) {
		return PLAIN_KEY.matcher(value).matches() ? value : "\"" + value + "\"";
	}

	private static String yamlKey(String queue) {
		return PLAIN_KEY.matcher(queue).matches() ? queue : "\"[" + queue + "]\"";
	}

}
