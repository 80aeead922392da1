package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The exceptions: {@code @AllowNondeterminism} on a method or class, and the entries of
 * {@code temporal.workflows.determinism-allowed}, each {@code Class#member} or {@code Class}. An entry names an
 * application method (everything reached through it is allowed) or an API (that API is allowed wherever it is
 * called); a class may be named without its package (or part of it), {@code new} stands for a constructor.
 */
final class AllowList {

	static final String PROPERTY = "temporal.workflows.determinism-allowed";

	private final List<Entry> entries;

	private final Set<Entry> used = new LinkedHashSet<>();

	AllowList(List<String> entries) {
		List<Entry> parsed = new ArrayList<>();
		for (String entry : entries) {
			parsed.add(Entry.parse(entry));
		}
		this.entries = parsed;
	}

	/**
	 * Checks the form of an entry.
	 * @param entry an entry of the property
	 * @return null when valid, otherwise what is wrong with it
	 */
	static @Nullable String problem(String entry) {
		String trimmed = entry.trim();
		if (trimmed.isEmpty()) {
			return "is empty";
		}
		if (trimmed.chars().anyMatch(Character::isWhitespace) || trimmed.indexOf('#') != trimmed.lastIndexOf('#')
				|| trimmed.startsWith("#") || trimmed.endsWith("#") || trimmed.contains("(")) {
			return "is not Class#member or Class (e.g. com.acme.Deadlines#due or java.util.UUID#randomUUID)";
		}
		return null;
	}

	/**
	 * Why a method of the application is allowed to be non-deterministic, with everything it reaches.
	 * @param owner its class
	 * @param method the method
	 * @return the reason, or null
	 */
	@Nullable String forMethod(@Nullable ClassSummary owner, MethodSummary method) {
		String simple = simpleName(method.owner) + "." + method.name;
		if (hasText(method.allowReason)) {
			return "@AllowNondeterminism on " + simple + ": " + method.allowReason;
		}
		if (owner != null && hasText(owner.allowReason)) {
			return "@AllowNondeterminism on " + simpleName(owner.name) + ": " + owner.allowReason;
		}
		return forMember(method.owner, method.name);
	}

	/**
	 * Why an API (or a static field, or an injected type) is allowed.
	 * @param owner the internal name of its class
	 * @param member the member's name, or null for the type itself
	 * @return the reason, or null
	 */
	@Nullable String forMember(String owner, @Nullable String member) {
		for (Entry entry : this.entries) {
			if (entry.matches(owner, member)) {
				this.used.add(entry);
				return PROPERTY + " lists " + entry.raw();
			}
		}
		return null;
	}

	/**
	 * Entries that allowed nothing (a misspelt class or method allows nothing either).
	 * @return the entries as written
	 */
	List<String> unused() {
		List<String> unused = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (!this.used.contains(entry)) {
				unused.add(entry.raw());
			}
		}
		return unused;
	}

	static String simpleName(String internalName) {
		return internalName.substring(internalName.lastIndexOf('/') + 1);
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	private record Entry(String raw, String type, @Nullable String member) {

		static Entry parse(String raw) {
			String trimmed = raw.trim();
			int hash = trimmed.indexOf('#');
			String type = (hash < 0) ? trimmed : trimmed.substring(0, hash);
			String member = (hash < 0) ? null : trimmed.substring(hash + 1);
			return new Entry(trimmed, type, "new".equals(member) ? "<init>" : member);
		}

		boolean matches(String owner, @Nullable String candidate) {
			if (this.member != null && !this.member.equals(candidate)) {
				return false;
			}
			// nested classes written with '.' or '$'; the package (or its start) may be left out
			String dotted = owner.replace('/', '.').replace('$', '.');
			String type = this.type.replace('$', '.');
			return dotted.equals(type) || dotted.endsWith("." + type);
		}

	}

}
