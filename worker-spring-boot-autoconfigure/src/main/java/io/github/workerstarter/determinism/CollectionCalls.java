package io.github.workerstarter.determinism;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What calls on the JDK's collections, streams and collectors do to the order {@link MethodReader} follows: views
 * and order-keeping copies carry a collection's order on, {@code Set.of}/{@code Map.of} and the hash-based collectors
 * make unordered collections, sorting drops the order, and iterating (a loop, {@code forEach}, an order-dependent
 * stream result) is where it shows.
 */
final class CollectionCalls {

	private static final String COLLECTORS = "java/util/stream/Collectors";

	/** Views and copies that keep a collection's order. */
	private static final Set<String> VIEWS = Set.of("keySet", "values", "entrySet");

	private static final Set<String> ORDER_KEEPING_COPIES = Set.of("java/util/ArrayList", "java/util/LinkedList",
			"java/util/ArrayDeque", "java/util/LinkedHashSet", "java/util/LinkedHashMap", "java/util/Vector",
			"java/util/concurrent/CopyOnWriteArrayList");

	/** Calls where a collection's order becomes observable. */
	private static final Set<String> ITERATIONS = Set.of("iterator", "forEach", "spliterator", "toArray");

	/** Stream results that do not depend on the order of the elements. */
	private static final Set<String> ORDER_FREE_RESULTS = Set.of("count", "anyMatch", "allMatch", "noneMatch", "min",
			"max", "sum", "average", "summaryStatistics", "close", "isParallel");

	/** Collectors whose result does not depend on the order of the elements (maps and sets are checked in turn). */
	private static final Set<String> ORDER_FREE_COLLECTORS = Set.of("toSet", "toUnmodifiableSet", "toMap",
			"toUnmodifiableMap", "toConcurrentMap", "groupingBy", "groupingByConcurrent", "partitioningBy", "counting",
			"summingInt", "summingLong", "summingDouble", "averagingInt", "averagingLong", "averagingDouble",
			"summarizingInt", "summarizingLong", "summarizingDouble", "minBy", "maxBy");

	private final MethodReader reader;

	CollectionCalls(MethodReader reader) {
		this.reader = reader;
	}

	// a copy made by a constructor keeps its source's order (new ArrayList<>(map.keySet()))
	void constructed(String type, @Nullable Value receiver, Value[] arguments) {
		if (ORDER_KEEPING_COPIES.contains(type) && arguments.length == 1 && arguments[0].container() != null
				&& this.reader.stack().depth() > 0) {
			Value copy = this.reader.stack().pop();
			this.reader.stack().push((copy == receiver) ? arguments[0].view() : copy);
		}
	}

	/** What a call on a collection, a stream or the collectors returns, as far as order goes. */
	Value result(String callOwner, String name, String descriptor, @Nullable Value receiver, Value[] arguments) {
		if (receiver == null) {
			return staticResult(callOwner, name, arguments);
		}
		if (receiver.stream()) {
			return streamResult(callOwner, name, descriptor, receiver, arguments);
		}
		if (callOwner.startsWith("java/util/stream/") && name.equals("collect") && arguments.length == 1) {
			return collected(arguments[0]);
		}
		if (receiver.container() == null) {
			return Value.UNKNOWN;
		}
		if (VIEWS.contains(name)) {
			return receiver.view();
		}
		if (name.equals("stream") || name.equals("parallelStream")) {
			return receiver.streamed();
		}
		if (ITERATIONS.contains(name)) {
			this.reader.iteration(callOwner + "." + name, receiver);
		}
		else if (name.equals("sort")) {
			sorted(receiver);
		}
		return Value.UNKNOWN;
	}


	private Value staticResult(String callOwner, String name, Value[] arguments) {
		switch (callOwner) {
			case "java/util/Set", "java/util/Map" -> {
				if (name.equals("of") || name.equals("copyOf") || name.equals("ofEntries")) {
					String made = callOwner.substring(callOwner.lastIndexOf('/') + 1) + "." + name;
					return Value.of(new Container(Container.Ordering.SALTED, made, null, null, null));
				}
			}
			case "java/util/List" -> {
				if (name.equals("copyOf") && arguments.length == 1) {
					return arguments[0].view();
				}
			}
			case "java/util/Collections" -> {
				if (name.equals("sort") && arguments.length >= 1) {
					sorted(arguments[0]);
				}
				else if ((name.startsWith("unmodifiable") || name.startsWith("synchronized")) && arguments.length == 1) {
					return arguments[0].view();
				}
			}
			case COLLECTORS -> {
				return Value.collector(name + "/" + arguments.length);
			}
			default -> {
				// nothing known of other static results
			}
		}
		return Value.UNKNOWN;
	}


	private Value streamResult(String callOwner, String name, String descriptor, Value stream, Value[] arguments) {
		if (descriptor.endsWith("Stream;")) {
			// intermediate operations keep the order, sorted() sets one
			return name.equals("sorted") ? Value.UNKNOWN : stream;
		}
		if (name.equals("collect") && arguments.length == 1) {
			String collector = arguments[0].collector();
			if (collector == null || !ORDER_FREE_COLLECTORS.contains(collector.substring(0, collector.indexOf('/')))) {
				this.reader.iteration(callOwner + "." + name, stream);
				return Value.UNKNOWN;
			}
			return collected(arguments[0]);
		}
		if (!ORDER_FREE_RESULTS.contains(name)) {
			this.reader.iteration(callOwner + "." + name, stream);
		}
		return Value.UNKNOWN;
	}


	// the hash tables the collectors build (the four-argument toMap and three-argument groupingBy take a supplier)
	private static Value collected(Value collector) {
		String made = collector.collector();
		if (made == null) {
			return Value.UNKNOWN;
		}
		return switch (made) {
			case "toSet/0", "toMap/2", "toMap/3", "groupingBy/1", "groupingBy/2", "toConcurrentMap/2",
					"toConcurrentMap/3" ->
				Value.of(new Container(Container.Ordering.HASH, "Collectors." + made.substring(0, made.indexOf('/')) + "()",
						null, null, null));
			case "toUnmodifiableSet/0", "toUnmodifiableMap/2", "toUnmodifiableMap/3" -> Value.of(new Container(
					Container.Ordering.SALTED, "Collectors." + made.substring(0, made.indexOf('/')) + "()", null, null,
					null));
			default -> Value.UNKNOWN;
		};
	}


	// a sorted list no longer carries the order it was copied in
	private void sorted(Value list) {
		if (list.local() >= 0) {
			this.reader.store(list.local(), this.reader.load(list.local()).withoutOrder());
		}
	}


}
