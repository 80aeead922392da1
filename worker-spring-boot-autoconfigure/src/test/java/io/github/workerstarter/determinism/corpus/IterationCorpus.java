package io.github.workerstarter.determinism.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.workerstarter.determinism.HazardCategory.UNORDERED_ITERATION;

/**
 * Workflows whose result depends on the iteration order of a collection that is ordered differently in each JVM
 * (hash tables keyed by enums or identity-hashed objects, {@code Set.of}/{@code Map.of}), one way each.
 */
final class IterationCorpus {

	private IterationCorpus() {
	}

	enum Status {

		NEW, PAID, SHIPPED, DELIVERED

	}

	/** No hashCode of its own: hashed by identity. */
	static final class Step {

		final String name;

		Step(String name) {
			this.name = name;
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", method = "run", reach = Reach.DIRECT)
	static class Direct implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Map<Status, Integer> counts = new HashMap<>();
			counts.put(Status.NEW, input.length());
			counts.put(Status.PAID, 1);
			StringBuilder out = new StringBuilder();
			for (Map.Entry<Status, Integer> entry : counts.entrySet()) { // hazard: IterationCorpus.Direct
				out.append(entry.getKey());
			}
			return out.toString();
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", in = Priorities.class, method = "first",
			reach = Reach.HELPER)
	static class Helper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + Priorities.describe();
		}

	}

	static final class Priorities {

		static String describe() {
			return "first: " + first();
		}

		static Status first() {
			Set<Status> statuses = new HashSet<>(List.of(Status.values()));
			for (Status status : statuses) { // hazard: IterationCorpus.Helper
				return status;
			}
			return null;
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Map.forEach", in = Tally.class, method = "report",
			reach = Reach.INJECTED_BEAN)
	static class InjectedBean implements CorpusWorkflow {

		private final Tally tally;

		InjectedBean(Tally tally) {
			this.tally = tally;
		}

		@Override
		public String run(String input) {
			return this.tally.report();
		}

	}

	static class Tally {

		private final Map<Status, Long> byStatus = new HashMap<>();

		String report() {
			StringBuilder out = new StringBuilder();
			this.byStatus.forEach((status, count) -> out.append(status).append(count)); // hazard: IterationCorpus.InjectedBean
			return out.toString();
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", in = Labelled.class, method = "labels",
			reach = Reach.DEFAULT_METHOD)
	static class DefaultMethod implements CorpusWorkflow, Labelled {

		@Override
		public String run(String input) {
			return input + labels();
		}

	}

	interface Labelled {

		default String labels() {
			StringBuilder out = new StringBuilder();
			for (String label : Map.of("urgent", 1, "fragile", 2, "cold", 3).keySet()) { // hazard: IterationCorpus.DefaultMethod
				out.append(label);
			}
			return out.toString();
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", method = "lambda$run$0",
			reach = Reach.STREAM_LAMBDA)
	static class StreamLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return List.of(input).stream()
				.map((item) -> Set.of(item, "x").iterator().next()) // hazard: IterationCorpus.StreamLambda
				.findFirst()
				.orElse("");
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", method = "<init>",
			reach = Reach.CONSTRUCTOR)
	static class Constructor implements CorpusWorkflow {

		private final String first;

		Constructor() {
			Set<Step> steps = new HashSet<>();
			steps.add(new Step("pack"));
			steps.add(new Step("ship"));
			this.first = steps.iterator().next().name; // hazard: IterationCorpus.Constructor
		}

		@Override
		public String run(String input) {
			return input + this.first;
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", in = CodesBase.class, method = "codes",
			reach = Reach.SUPERCLASS)
	static class Superclass extends CodesBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + codes();
		}

	}

	abstract static class CodesBase {

		private static final Set<String> CODES = Set.of("DHL", "UPS", "FEDEX");

		protected String codes() {
			StringBuilder out = new StringBuilder();
			for (String code : CODES) { // hazard: IterationCorpus.Superclass
				out.append(code);
			}
			return out.toString();
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.stream.Stream.toList", method = "run",
			reach = Reach.DIRECT)
	static class StreamToList implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Set<Status> statuses = new HashSet<>(List.of(Status.values()));
			return statuses.stream().map(Enum::name).toList().toString(); // hazard: IterationCorpus.StreamToList
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", method = "run", reach = Reach.DIRECT)
	static class UnmodifiableCollector implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Set<String> words = List.of(input, "b", "c").stream().collect(Collectors.toUnmodifiableSet());
			StringBuilder out = new StringBuilder();
			for (String word : words) { // hazard: IterationCorpus.UnmodifiableCollector
				out.append(word);
			}
			return out.toString();
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Set.iterator", method = "run", reach = Reach.DIRECT)
	static class GroupingBy implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Map<Status, List<String>> byStatus = List.of(input)
				.stream()
				.collect(Collectors.groupingBy((item) -> Status.NEW));
			StringBuilder out = new StringBuilder();
			for (Status status : byStatus.keySet()) { // hazard: IterationCorpus.GroupingBy
				out.append(status);
			}
			return out.toString();
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.List.iterator", method = "run", reach = Reach.DIRECT)
	static class CopiedInHashOrder implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Set<Status> statuses = new HashSet<>(List.of(Status.values()));
			List<Status> copy = new ArrayList<>(statuses);
			StringBuilder out = new StringBuilder(input);
			for (Status status : copy) { // hazard: IterationCorpus.CopiedInHashOrder
				out.append(status);
			}
			return out.toString();
		}

	}

	@Hazard(category = UNORDERED_ITERATION, api = "java.util.Collection.iterator", method = "run",
			reach = Reach.DIRECT)
	static class Identity implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Map<String, Integer> seen = new IdentityHashMap<>();
			seen.put(input, 1);
			int total = 0;
			for (Integer count : seen.values()) { // hazard: IterationCorpus.Identity
				total += count;
			}
			return input + total;
		}

	}

}
