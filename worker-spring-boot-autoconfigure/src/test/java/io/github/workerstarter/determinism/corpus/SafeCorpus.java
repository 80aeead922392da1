package io.github.workerstarter.determinism.corpus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowLock;

/** Workflows that must produce no finding: the SDK's deterministic replacements and ordinary pure code. */
final class SafeCorpus {

	private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
		.setStartToCloseTimeout(Duration.ofSeconds(10))
		.build();

	private SafeCorpus() {
	}

	enum Status {

		NEW, PAID, SHIPPED

	}

	@Safe("the clock read inside Workflow.sideEffect, whose result the history records")
	static class SideEffectLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			long now = Workflow.sideEffect(Long.class, () -> System.currentTimeMillis());
			return input + now;
		}

	}

	@Safe("randomness inside Workflow.mutableSideEffect")
	static class MutableSideEffect implements CorpusWorkflow {

		@Override
		public String run(String input) {
			String id = Workflow.mutableSideEffect("id", String.class, (a, b) -> !a.equals(b),
					() -> UUID.randomUUID().toString());
			return input + id;
		}

	}

	@Safe("a method reference to the wall clock, handed to Workflow.sideEffect")
	static class SideEffectMethodReference implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + Workflow.sideEffect(Instant.class, Instant::now);
		}

	}

	@Safe("a side-effect function kept in a variable first")
	static class SideEffectVariable implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Functions.Func<String> region = () -> System.getenv("REGION");
			return input + Workflow.sideEffect(String.class, region);
		}

	}

	@Safe("a helper that reads the clock, reached only from a side-effect lambda")
	static class SideEffectHelper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + Workflow.sideEffect(Long.class, () -> Clocks.millis());
		}

	}

	static final class Clocks {

		static long millis() {
			return System.currentTimeMillis();
		}

	}

	@Safe("an activity stub: the call is scheduled by the SDK, the implementation (which does I/O) runs elsewhere")
	static class ActivityStub implements CorpusWorkflow {

		private final CorpusActivities activities = Workflow.newActivityStub(CorpusActivities.class, OPTIONS);

		@Override
		public String run(String input) {
			return this.activities.load(input);
		}

	}

	@Safe("a local activity stub")
	static class LocalActivityStub implements CorpusWorkflow {

		private final CorpusActivities activities = Workflow.newLocalActivityStub(CorpusActivities.class,
				LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

		@Override
		public String run(String input) {
			return this.activities.load(input);
		}

	}

	@Safe("Workflow.newRandom() and Workflow.randomUUID(), seeded from the history")
	static class WorkflowRandom implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Random random = Workflow.newRandom();
			return input + random.nextInt(10) + Workflow.randomUUID();
		}

	}

	@Safe("Workflow.currentTimeMillis() as an Instant")
	static class WorkflowTime implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + Instant.ofEpochMilli(Workflow.currentTimeMillis());
		}

	}

	@Safe("Workflow.sleep and Workflow.newTimer")
	static class DurableTimer implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Workflow.sleep(Duration.ofMinutes(5));
			Workflow.newTimer(Duration.ofSeconds(1)).get();
			return input;
		}

	}

	@Safe("Async.function and Promise")
	static class AsyncPromise implements CorpusWorkflow {

		private final CorpusActivities activities = Workflow.newActivityStub(CorpusActivities.class, OPTIONS);

		@Override
		public String run(String input) {
			Promise<String> first = Async.function(this.activities::load, input);
			Promise<String> second = Async.function(this.activities::load, input + "-2");
			Promise.allOf(first, second).get();
			return first.get() + second.thenApply(String::trim).get();
		}

	}

	@Safe("Workflow.await on a condition set by a signal")
	static class AwaitSignal implements CorpusWorkflow {

		private boolean approved;

		@Override
		public String run(String input) {
			Workflow.await(() -> this.approved);
			return input;
		}

		@Override
		public void nudge(String note) {
			this.approved = true;
		}

	}

	@Safe("Workflow.getLogger in a static field")
	static class WorkflowLogger implements CorpusWorkflow {

		private static final Logger logger = Workflow.getLogger(WorkflowLogger.class);

		@Override
		public String run(String input) {
			logger.info("Running {}", input);
			return input;
		}

	}

	@Safe("records and immutable collections: List.of iterated, Map.of and Set.of only looked up")
	static class RecordsAndImmutables implements CorpusWorkflow {

		record Line(String item, int quantity) {
		}

		private static final Map<String, Integer> PRICES = Map.of("book", 12, "pen", 2);

		private static final Set<String> FRAGILE = Set.of("glass", "vase");

		@Override
		public String run(String input) {
			List<Line> lines = List.of(new Line(input, 2), new Line("pen", 1));
			int total = 0;
			for (Line line : lines) {
				total += PRICES.getOrDefault(line.item(), 0) * line.quantity();
			}
			return total + (FRAGILE.contains(input) ? " fragile" : "") + List.copyOf(lines).size();
		}

	}

	@Safe("Duration arithmetic")
	static class DurationArithmetic implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Duration timeout = Duration.ofMinutes(5).plusSeconds(input.length()).multipliedBy(2);
			return input + timeout.toMillis() + timeout.compareTo(Duration.ofHours(1));
		}

	}

	@Safe("Workflow.getVersion around a change")
	static class Versioned implements CorpusWorkflow {

		@Override
		public String run(String input) {
			int version = Workflow.getVersion("add-suffix", Workflow.DEFAULT_VERSION, 1);
			return (version == Workflow.DEFAULT_VERSION) ? input : input + "-v1";
		}

	}

	@Safe("a child workflow stub: its call runs another workflow")
	static class ChildWorkflow implements CorpusWorkflow {

		@Override
		public String run(String input) {
			CorpusWorkflow child = Workflow.newChildWorkflowStub(CorpusWorkflow.class,
					ChildWorkflowOptions.newBuilder().setWorkflowId("child-" + input).build());
			return child.run(input);
		}

	}

	@Safe("a HashMap keyed by strings: measured, it iterates in the same order in every JVM")
	static class StringKeyedHashMap implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Map<String, Integer> counts = new HashMap<>();
			counts.put(input, 1);
			counts.put("other", 2);
			StringBuilder out = new StringBuilder();
			for (Map.Entry<String, Integer> entry : counts.entrySet()) {
				out.append(entry.getKey()).append(entry.getValue());
			}
			return out.toString();
		}

	}

	@Safe("ordered maps keyed by an enum: EnumMap, TreeMap, LinkedHashMap")
	static class OrderedMaps implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Map<Status, Integer> byEnum = new EnumMap<>(Status.class);
			Map<Status, Integer> sorted = new TreeMap<>();
			Map<Status, Integer> inserted = new LinkedHashMap<>();
			for (Status status : Status.values()) {
				byEnum.put(status, status.ordinal());
				sorted.put(status, status.ordinal());
				inserted.put(status, status.ordinal());
			}
			StringBuilder out = new StringBuilder(input);
			byEnum.forEach((status, ordinal) -> out.append(status));
			for (Status status : sorted.keySet()) {
				out.append(status);
			}
			inserted.values().forEach(out::append);
			return out.toString();
		}

	}

	@Safe("a HashSet of enums copied then sorted, sorted in a stream, counted, looked up: never in its own order")
	static class SortedHashSet implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Set<Status> statuses = new HashSet<>(List.of(Status.values()));
			List<Status> ordered = new ArrayList<>(statuses);
			ordered.sort(null);
			StringBuilder out = new StringBuilder(input);
			for (Status status : ordered) {
				out.append(status);
			}
			String sorted = statuses.stream().sorted().map(Enum::name).toList().toString();
			return out + sorted + statuses.contains(Status.NEW) + statuses.stream().count();
		}

	}

	@Safe("a java.util.Random with a seed: the same numbers on every replay")
	static class SeededRandom implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + new Random(input.hashCode()).nextInt(10);
		}

	}

	@Safe("Workflow.newWorkflowLock: the SDK's deterministic lock")
	static class WorkflowLocking implements CorpusWorkflow {

		private final WorkflowLock lock = Workflow.newWorkflowLock();

		@Override
		public String run(String input) {
			this.lock.lock();
			try {
				return input;
			}
			finally {
				this.lock.unlock();
			}
		}

	}

	@Safe("static constants initialized by the class itself, and read")
	static class StaticConstants implements CorpusWorkflow {

		private static final Map<String, Integer> LIMITS = new HashMap<>();

		static {
			LIMITS.put("small", 1);
			LIMITS.put("large", 10);
		}

		static volatile boolean featureOn;

		@Override
		public String run(String input) {
			return input + LIMITS.get("small") + featureOn;
		}

	}

	@Safe("plain string building, formatting and regular expressions")
	static class StringWork implements CorpusWorkflow {

		@Override
		public String run(String input) {
			String formatted = String.format("%s-%05d", input.toUpperCase(java.util.Locale.ROOT), input.length());
			return formatted.replaceAll("[^A-Z0-9-]", "_") + String.join(",", List.of("a", "b"));
		}

	}

	@Safe("an application failure thrown from workflow code")
	static class Failing implements CorpusWorkflow {

		@Override
		public String run(String input) {
			if (input.isEmpty()) {
				throw ApplicationFailure.newNonRetryableFailure("empty input", "ValidationError");
			}
			return input;
		}

	}

	@Safe("injected configuration that does not change between replays")
	static class InjectedSettings implements CorpusWorkflow {

		record Settings(Duration delay, String queue) {
		}

		private final Settings settings;

		InjectedSettings(Settings settings) {
			this.settings = settings;
		}

		@Override
		public String run(String input) {
			Workflow.sleep(this.settings.delay());
			return input + this.settings.queue();
		}

	}

}
