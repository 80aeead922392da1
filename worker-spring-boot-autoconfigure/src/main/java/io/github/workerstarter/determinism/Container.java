package io.github.workerstarter.determinism;

import org.jspecify.annotations.Nullable;

/**
 * A collection whose iteration order may differ between JVMs, as far as the bytecode tells: how it was made, and
 * where its key type can be read (its generic signature, here or on the field it is stored in).
 *
 * @param ordering why its order may differ
 * @param made how it was made, for the report ({@code HashSet}, {@code Set.of}, {@code Collectors.toSet()})
 * @param keyType the internal name of its key (or element) class, when known
 * @param fieldOwner the class of the field it was read from, if any
 * @param fieldName that field's name
 */
record Container(Ordering ordering, String made, @Nullable String keyType, @Nullable String fieldOwner,
		@Nullable String fieldName) {

	/** Why the order of a collection may differ. */
	enum Ordering {

		/** A hash table: ordered by its keys' hash codes, which differ between JVMs for identity-hashed keys. */
		HASH,

		/** {@code Set.of}, {@code Map.of} and their copies: ordered by a salt drawn when the JVM starts. */
		SALTED,

		/** {@code IdentityHashMap}: ordered by identity hash codes, whatever the keys. */
		IDENTITY,

		/** A field declared as an unordered interface ({@code Map}, {@code Set}): decided by what is stored in it. */
		FIELD

	}

	Container withKeyType(@Nullable String key) {
		return new Container(this.ordering, this.made, key, this.fieldOwner, this.fieldName);
	}

	/**
	 * The container a class makes, or null for an ordered (or unknown) class.
	 * @param type internal name of a collection class
	 * @return the container, or null
	 */
	static @Nullable Container madeBy(String type) {
		return switch (type) {
			case "java/util/HashMap", "java/util/HashSet", "java/util/Hashtable", "java/util/WeakHashMap",
					"java/util/concurrent/ConcurrentHashMap" ->
				new Container(Ordering.HASH, type.substring(type.lastIndexOf('/') + 1), null, null, null);
			case "java/util/IdentityHashMap" -> new Container(Ordering.IDENTITY, "IdentityHashMap", null, null, null);
			default -> null;
		};
	}

	/**
	 * The container behind a field of a declared type.
	 * @param type the field's declared type
	 * @param owner the field's class
	 * @param name the field's name
	 * @return a container, or null when the declared type is ordered (or not a collection)
	 */
	static @Nullable Container ofField(String type, String owner, String name) {
		Container made = madeBy(type);
		if (made != null) {
			return new Container(made.ordering, made.made, null, owner, name);
		}
		return switch (type) {
			case "java/util/Map", "java/util/Set", "java/util/Collection", "java/lang/Iterable", "java/util/AbstractMap",
					"java/util/AbstractSet", "java/util/concurrent/ConcurrentMap" ->
				new Container(Ordering.FIELD, type.substring(type.lastIndexOf('/') + 1), null, owner, name);
			default -> null;
		};
	}

}
