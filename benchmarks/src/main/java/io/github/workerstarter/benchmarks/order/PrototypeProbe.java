package io.github.workerstarter.benchmarks.order;

/**
 * Shaped like a workflow implementation (no-argument constructor, nothing injected), so the starter app can time
 * what it adds per workflow execution: Spring creating a prototype instance through every bean post processor of
 * the context (actuator's included). The workflow class itself cannot be built outside a workflow thread.
 * Registered only for that measurement ({@link PrototypeCost}), after the load, so no other run sees it.
 */
public class PrototypeProbe {

	private final StringBuilder state = new StringBuilder();

	public int size() {
		return this.state.length();
	}

}
