package io.github.workerstarter.test.plugin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the plugin saw. */
public class StampLog {

	private final List<String> entries = new CopyOnWriteArrayList<>();

	void record(String entry) {
		this.entries.add(entry);
	}

	public List<String> entries() {
		return List.copyOf(this.entries);
	}

}
