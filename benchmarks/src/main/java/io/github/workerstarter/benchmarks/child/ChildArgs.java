package io.github.workerstarter.benchmarks.child;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options the harness passes to a child JVM, always as {@code --name=value}. */
public final class ChildArgs {

	private final Map<String, String> values = new LinkedHashMap<>();

	private ChildArgs(String[] args) {
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value, got '" + arg + "'");
			}
			this.values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
	}

	public static ChildArgs parse(String[] args) {
		return new ChildArgs(args);
	}

	public String string(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing --" + name + "=...");
		}
		return value;
	}

	public int integer(String name) {
		return Integer.parseInt(string(name));
	}

	/**
	 * @param name the option
	 * @param fallback its value when not given
	 * @return the number given, or the fallback
	 */
	public double number(String name, double fallback) {
		String value = this.values.get(name);
		return (value != null) ? Double.parseDouble(value) : fallback;
	}

	public boolean flag(String name) {
		return Boolean.parseBoolean(this.values.getOrDefault(name, "false"));
	}

}
