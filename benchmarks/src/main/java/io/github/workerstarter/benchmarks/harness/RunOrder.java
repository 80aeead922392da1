package io.github.workerstarter.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order of the variants within one repetition: as given in odd repetitions, reversed in even ones (raw,
 * starter, starter, raw, ...). Still interleaved, but no variant always runs second, right after the other has
 * heated the machine, or always first after the server or the previous group started.
 */
public final class RunOrder {

	private RunOrder() {
	}

	public static <T> List<T> of(List<T> variants, int rep) {
		List<T> ordered = new ArrayList<>(variants);
		if (rep % 2 == 0) {
			Collections.reverse(ordered);
		}
		return ordered;
	}

}
