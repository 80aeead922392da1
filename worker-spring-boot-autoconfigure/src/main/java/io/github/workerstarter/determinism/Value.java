package io.github.workerstarter.determinism;

import org.jspecify.annotations.Nullable;

/**
 * One slot of the operand stack or of a local variable, as {@link MethodReader} follows a method's instructions: only
 * what the check needs to know about a value (a long or a double takes two slots, each {@link #UNKNOWN}).
 *
 * @param createdClass the class of an object this method created ({@code new X}): a virtual call's only target
 * @param lambda the lambda or method reference this value is
 * @param container the collection whose order it carries (the collection, a view of it, or a stream over it)
 * @param stream whether it is a stream over {@link #container}
 * @param collector the name of the {@code java.util.stream.Collectors} method that made it
 * @param local the local variable it was last loaded from, or -1
 * @param loadedAt the instruction that loaded it, for the local variable's generic type
 */
record Value(@Nullable String createdClass, MethodSummary.@Nullable Call lambda, @Nullable Container container,
		boolean stream, @Nullable String collector, int local, int loadedAt) {

	static final Value UNKNOWN = new Value(null, null, null, false, null, -1, -1);

	static Value created(String type) {
		return new Value(type, null, Container.madeBy(type), false, null, -1, -1);
	}

	static Value lambda(MethodSummary.Call call) {
		return new Value(null, call, null, false, null, -1, -1);
	}

	static Value of(@Nullable Container container) {
		return (container != null) ? new Value(null, null, container, false, null, -1, -1) : UNKNOWN;
	}

	static Value collector(String name) {
		return new Value(null, null, null, false, name, -1, -1);
	}

	Value loadedFrom(int variable, int instruction) {
		return new Value(this.createdClass, this.lambda, this.container, this.stream, this.collector, variable,
				instruction);
	}

	/** A view of this collection (keySet, values, entrySet) or a copy in its order: same order, same key source. */
	Value view() {
		return new Value(null, null, this.container, false, null, this.local, this.loadedAt);
	}

	Value streamed() {
		return new Value(null, null, this.container, true, null, this.local, this.loadedAt);
	}

	Value withoutOrder() {
		return new Value(this.createdClass, this.lambda, null, false, this.collector, this.local, this.loadedAt);
	}

}
