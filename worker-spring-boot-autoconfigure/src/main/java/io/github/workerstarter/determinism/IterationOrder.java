package io.github.workerstarter.determinism;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether an iteration's order can differ between JVMs, from what {@link MethodReader} learnt about the
 * collection. Measured (docs/determinism.md): a {@code HashMap}/{@code HashSet} keyed by strings, numbers or records of
 * them iterates in the same order in every JVM, so it is not reported; keyed by enums or by objects without their own
 * {@code hashCode} it follows identity hash codes, which depend on the threads the JVM started before, so the order
 * differs between the worker that ran a workflow and the one that replays it. {@code Set.of}/{@code Map.of} (and
 * {@code Collectors.toUnmodifiableSet/Map}) iterate in an order salted when the JVM starts: reported whatever the keys.
 * A collection whose key type the bytecode does not name (a parameter of type {@code Set<T>}, code compiled without
 * local variable tables) is not reported.
 */
final class IterationOrder {

	private final ApplicationClasses classes;

	IterationOrder(ApplicationClasses classes) {
		this.classes = classes;
	}

	/**
	 * Why a collection's order can differ between JVMs.
	 * @param container what is known of it
	 * @return the reason for the report, or null when its order is the same in every JVM (or not known)
	 */
	@Nullable String unordered(Container container) {
		return switch (container.ordering()) {
			case SALTED -> salted(container.made());
			case IDENTITY -> "an IdentityHashMap, ordered by identity hash codes, which differ between JVMs";
			case HASH -> hashed(container.made(), keyType(container, container.fieldName()));
			case FIELD -> field(container);
		};
	}

	private @Nullable String field(Container container) {
		ClassSummary owner = (container.fieldOwner() != null) ? this.classes.summary(container.fieldOwner()) : null;
		List<Container> assigned = (owner != null) ? owner.assignments.get(container.fieldName()) : null;
		if (assigned == null) {
			return null;
		}
		for (Container value : assigned) {
			String reason = switch (value.ordering()) {
				case SALTED -> salted(value.made());
				case IDENTITY -> "an IdentityHashMap, ordered by identity hash codes, which differ between JVMs";
				case HASH -> hashed(value.made(), keyType(container, container.fieldName()));
				case FIELD -> null;
			};
			if (reason != null) {
				return "field " + container.fieldName() + ", " + reason;
			}
		}
		return null;
	}

	private static String salted(String made) {
		return "a " + made + " collection, whose iteration order is salted when the JVM starts";
	}

	private @Nullable String hashed(String made, @Nullable String key) {
		if (key == null || !this.classes.hashesByIdentity(key)) {
			return null;
		}
		Class<?> type = this.classes.load(key);
		String kind = (type != null && (type.isEnum() || Enum.class.isAssignableFrom(type))) ? "an enum"
				: (type != null && type.isRecord()) ? "a record with an identity-hashed component"
						: "a class without its own hashCode";
		return "a " + made + " keyed by " + AllowList.simpleName(key) + " (" + kind
				+ "), ordered by identity hash codes, which differ between JVMs";
	}

	private @Nullable String keyType(Container container, @Nullable String fieldName) {
		if (container.keyType() != null) {
			return container.keyType();
		}
		ClassSummary owner = (container.fieldOwner() != null) ? this.classes.summary(container.fieldOwner()) : null;
		ClassSummary.Field field = (owner != null && fieldName != null) ? owner.fields.get(fieldName) : null;
		return (field != null) ? SignatureTypes.keyType(field.signature()) : null;
	}

}
