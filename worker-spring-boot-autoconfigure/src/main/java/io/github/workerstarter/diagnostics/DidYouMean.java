package io.github.workerstarter.diagnostics;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for a mistyped name: a task queue, a property. */
public final class DidYouMean {

	private DidYouMean() {
	}

	/**
	 * A sentence suggesting the closest candidate, or an empty string when none is close.
	 * @param wrong the name as written
	 * @param candidates the names that exist
	 * @return " Did you mean 'x'?" or ""
	 */
	public static String suggestion(String wrong, Collection<String> candidates) {
		return closest(wrong, candidates).map((closest) -> " Did you mean '" + closest + "'?").orElse("");
	}

	/**
	 * The candidate close enough to be what was meant.
	 * @param wrong the name as written
	 * @param candidates the names that exist
	 * @return the closest candidate, or empty when none is close
	 */
	public static Optional<String> closest(String wrong, Collection<String> candidates) {
		return candidates.stream()
			.filter((candidate) -> distance(wrong, candidate) <= Math.max(2, candidate.length() / 4))
			.min(Comparator.comparingInt((String candidate) -> distance(wrong, candidate)));
	}

	/** Levenshtein distance, case-insensitive. */
	static int distance(String a, String b) {
		String x = a.toLowerCase();
		String y = b.toLowerCase();
		int[] previous = new int[y.length() + 1];
		int[] current = new int[y.length() + 1];
		for (int j = 0; j <= y.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= x.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= y.length(); j++) {
				int substitution = previous[j - 1] + ((x.charAt(i - 1) == y.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[y.length()];
	}

}
