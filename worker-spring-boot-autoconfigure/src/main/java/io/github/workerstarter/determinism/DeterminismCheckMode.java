package io.github.workerstarter.determinism;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What the determinism check does with its findings: {@code temporal.workflows.determinism-check}. */
public enum DeterminismCheckMode {

	/** Startup fails with one report listing every finding. */
	FAIL,

	/** One WARN line per finding; the workers start, and the check runs off the startup path. */
	WARN,

	/** No check. */
	OFF;

	/**
	 * Reads a property value.
	 * @param value {@code fail}, {@code warn} or {@code off} (any case); {@code false}, which is what YAML makes of an
	 * unquoted {@code off}, means off
	 * @return the mode, or null when the value is none of these
	 */
	static @Nullable DeterminismCheckMode parse(String value) {
		String name = value.trim().toUpperCase(Locale.ROOT);
		if (name.equals("FALSE")) {
			return OFF;
		}
		for (DeterminismCheckMode mode : values()) {
			if (mode.name().equals(name)) {
				return mode;
			}
		}
		return null;
	}

	/**
	 * The value as a property takes it.
	 * @return {@code fail}, {@code warn} or {@code off}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
