package io.github.workerstarter.registration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import io.github.workerstarter.config.ConfigurationFile;
import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.WorkerEntry;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Task queues that beans name but no {@code temporal.workers} entry polls, collected over all beans so that one
 * startup failure lists every one of them with a block to paste into the application's configuration file (named as
 * the application has it): a new application whose beans name three queues should not need three restarts. When a
 * configured queue that no bean names is a near miss of a missing one, the configuration's key is the likelier typo
 * (beans agree on a name, the key was typed once), so the report asks to rename the key; a near miss that beans do
 * use is suggested to the bean instead.
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

	private final List<WorkerEntry> entries;

	// entries some bean is registered on
	private final Set<String> usedEntries = new LinkedHashSet<>();

	private final ConfigurationFile file;

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

	UnconfiguredQueues(List<WorkerEntry> entries, ConfigurationFile file) {
		this.entries = entries;
		this.file = file;
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

	/** Worker entries a bean is registered on: their queues are no misspelling. */
	void used(Collection<WorkerEntry> polling) {
		polling.forEach((entry) -> this.usedEntries.add(entry.name()));
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
		String description = who + ", but no worker is configured for that queue. Configured task queues"
				+ (missing.isMain() ? "" : " in namespace " + missing.namespace()) + ": " + candidates + ".";
		WorkerEntry misspelt = misspeltEntry(missing);
		if (misspelt != null) {
			return new WorkerConfigurationException(description, rename(misspelt, missing));
		}
		return new WorkerConfigurationException(description,
				"Add temporal.workers." + entryName(missing) + " to the configuration, or name one of the configured "
						+ "task queues." + DidYouMean.suggestion(missing.queue(), candidates) + " In "
						+ this.file.name() + ":\n\n" + block(this.beansByWorker.keySet()));
	}

	private WorkerConfigurationException several() {
		String list = this.beansByWorker.entrySet()
			.stream()
			.map((entry) -> "  - " + entry.getKey().describe() + ": " + String.join("; ", entry.getValue()))
			.collect(Collectors.joining("\n"));
		StringBuilder suggestions = new StringBuilder();
		Set<Missing> toAdd = new TreeSet<>();
		for (Missing missing : this.beansByWorker.keySet()) {
			WorkerEntry misspelt = misspeltEntry(missing);
			if (misspelt != null) {
				suggestions.append(" ").append(rename(misspelt, missing));
			}
			else {
				toAdd.add(missing);
				suggestions.append(DidYouMean.suggestion(missing.queue(), this.configured)
					.replace("?", " (for '" + missing.queue() + "')?"));
			}
		}
		return new WorkerConfigurationException(
				this.beansByWorker.size() + " task queues named by beans have no worker configured under "
						+ "temporal.workers (configured task queues: " + this.configured + "):\n" + list,
				"Add a worker for each of them, or name configured task queues in the beans." + suggestions
						+ (toAdd.isEmpty() ? "" : " In " + this.file.name() + ":\n\n" + block(toAdd)));
	}

	// a configured entry in the missing queue's namespace that no bean uses and whose queue is a near miss
	private @Nullable WorkerEntry misspeltEntry(Missing missing) {
		List<WorkerEntry> unused = this.entries.stream()
			.filter((entry) -> entry.namespace().equals(missing.namespace()) && !this.usedEntries.contains(entry.name()))
			.toList();
		return DidYouMean.closest(missing.queue(), unused.stream().map(WorkerEntry::taskQueue).toList())
			.flatMap((queue) -> unused.stream().filter((entry) -> entry.taskQueue().equals(queue)).findFirst())
			.orElse(null);
	}

	// neither side is known to be the typo: the key was typed once, but so may the bean's queue have been
	private String rename(WorkerEntry misspelt, Missing missing) {
		String change = misspelt.name().equals(misspelt.taskQueue())
				? "rename the key " + misspelt.prefix() + " to temporal.workers." + propertiesKey(missing.queue())
				: "set " + misspelt.prefix() + ".task-queue to " + missing.queue();
		return "The configured task queue '" + misspelt.taskQueue() + "', which no bean names, and '" + missing.queue()
				+ "' differ by a typo: either " + change + " in " + this.file.name() + " (its settings stay), or name '"
				+ misspelt.taskQueue() + "' in the bean.";
	}

	private String block(Set<Missing> missingWorkers) {
		return this.file.isProperties() ? propertiesBlock(missingWorkers) : yamlBlock(missingWorkers);
	}

	private String yamlBlock(Set<Missing> missingWorkers) {
		StringBuilder yaml = new StringBuilder("temporal:\n  workers:\n");
		for (Missing missing : missingWorkers) {
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

	// a properties file cannot hold an empty entry: task-queue creates it and says what it polls
	private String propertiesBlock(Set<Missing> missingWorkers) {
		StringBuilder lines = new StringBuilder();
		for (Missing missing : missingWorkers) {
			String prefix = "temporal.workers." + propertiesKey(entryName(missing));
			lines.append(prefix).append(".task-queue=").append(missing.queue()).append('\n');
			if (!missing.isMain()) {
				lines.append(prefix).append(".namespace=").append(missing.namespace()).append('\n');
			}
		}
		return lines.toString();
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

	private static String propertiesKey(String queue) {
		return PLAIN_KEY.matcher(queue).matches() ? queue : "[" + queue + "]";
	}

}
