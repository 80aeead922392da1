package io.github.workerstarter.registration;

import java.util.List;

/**
 * A check of the implementations the {@link ImplementationFinder} found, run once they are resolved (queues, types)
 * and before any worker is built from them. A check of another concern (the determinism check of workflow code)
 * plugs in here as a bean, without the finder knowing it; to stop startup it throws
 * {@link io.github.workerstarter.diagnostics.WorkerConfigurationException}.
 */
@FunctionalInterface
public interface ImplementationsCheck {

	/**
	 * Checks the implementations.
	 * @param implementations every implementation found, workflows first
	 */
	void check(List<TemporalImplementation> implementations);

}
