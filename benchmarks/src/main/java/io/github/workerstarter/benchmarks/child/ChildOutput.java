package io.github.workerstarter.benchmarks.child;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a child JVM talks to the harness: one line per event on stdout. A marker is timestamped by the harness when
 * it reads it, so it must be printed the moment the event happens (System.out flushes on println).
 */
public final class ChildOutput {

	public static final String MARK = "@@MARK ";

	public static final String RESULT = "@@RESULT ";

	private static final ObjectMapper JSON = new ObjectMapper();

	private ChildOutput() {
	}

	public static void mark(String name) {
		System.out.println(MARK + name + " " + System.currentTimeMillis());
	}

	public static void result(Map<String, ?> values) {
		try {
			System.out.println(RESULT + JSON.writeValueAsString(values));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
