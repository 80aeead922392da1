package io.github.workerstarter.determinism;

/**
 * The kinds of non-deterministic workflow code the check finds, each with what to use instead. A workflow's code runs
 * again whenever a worker replays its history (after a restart, a deploy, a cache eviction), and must take the same
 * path every time; each category is a way to take another one.
 */
public enum HazardCategory {

	/** Reading the wall clock: differs on every replay. */
	WALL_CLOCK("wall clock", "use Workflow.currentTimeMillis() (Instant.ofEpochMilli(Workflow.currentTimeMillis()) "
			+ "for a java.time value), which replays the time the history recorded"),

	/** Unseeded or secure randomness: differs on every replay. */
	RANDOMNESS("randomness", "use Workflow.newRandom() or Workflow.randomUUID(), seeded from the history"),

	/** Threads, executors, sleeping and blocking: the SDK's deterministic scheduler cannot see or replay them. */
	THREADS("threads and blocking", "use Workflow.sleep, Async.function/procedure and Promise, Workflow.await, "
			+ "or Workflow.newWorkflowLock/newWorkflowSemaphore"),

	/** Files, network, databases and messaging: their answers change between the run and its replay. */
	IO("I/O", "move the call into an activity (an @ActivityImpl bean) and call it through an activity stub"),

	/** A workflow bean that is given an I/O client, even before it calls it. */
	INJECTED_IO("injected I/O", "inject it into an activity bean instead; the workflow reaches it through an "
			+ "activity stub"),

	/** Environment variables, system properties and Spring's Environment: they differ between deployments. */
	ENVIRONMENT("environment", "pass the value as workflow input, read it once in Workflow.sideEffect, or branch on "
			+ "a deployment change with Workflow.getVersion"),

	/** Writes to static fields: state shared between executions and lost on a restart. */
	STATIC_STATE("shared state", "keep state in fields of the workflow instance (each execution has its own) or "
			+ "pass it as input"),

	/** Iterating a collection whose order is not the same in every JVM. */
	UNORDERED_ITERATION("unordered iteration", "iterate an ordered collection: EnumMap/EnumSet for enum keys, "
			+ "LinkedHashMap/LinkedHashSet, TreeMap/TreeSet or List.of, or sort before iterating");

	private final String label;

	private final String fix;

	HazardCategory(String label, String fix) {
		this.label = label;
		this.fix = fix;
	}

	/**
	 * How reports name the category.
	 * @return a short label, e.g. "wall clock"
	 */
	public String label() {
		return this.label;
	}

	/**
	 * What to write instead.
	 * @return the replacement, as a sentence without a final full stop
	 */
	public String fix() {
		return this.fix;
	}

}
