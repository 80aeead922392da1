package io.github.workerstarter.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of a scenario: {@code --name value} or {@code --name=value}. Unknown names fail fast. */
public final class Args {

	private final Map<String, String> values = new LinkedHashMap<>();

	private final List<String> raw;

	private Args(String[] args) {
		this.raw = List.of(args);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Expected --name value, got '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			if (equals > 0) {
				this.values.put(arg.substring(2, equals), arg.substring(equals + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				this.values.put(arg.substring(2), args[++i]);
			}
			else {
				this.values.put(arg.substring(2), "true");
			}
		}
	}

	public static Args parse(String[] args, String... known) {
		Args parsed = new Args(args);
		List<String> unknown = new ArrayList<>(parsed.values.keySet());
		unknown.removeAll(Arrays.asList(known));
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown option(s) " + unknown + "; known: " + Arrays.toString(known));
		}
		return parsed;
	}

	public String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	public int integer(String name, int fallback) {
		return Integer.parseInt(string(name, Integer.toString(fallback)));
	}

	public List<Integer> integers(String name, String fallback) {
		return strings(name, fallback).stream().map(Integer::valueOf).toList();
	}

	public List<String> strings(String name, String fallback) {
		return Arrays.stream(string(name, fallback).split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	/** The arguments as given, to record the exact command in the result file. */
	public String asGiven() {
		return String.join(" ", this.raw);
	}

}
