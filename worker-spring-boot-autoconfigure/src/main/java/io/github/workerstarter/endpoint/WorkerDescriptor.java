package io.github.workerstarter.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One worker.
 *
 * @param state its state (running, suspended, disabled, ...)
 * @param disabledBy the property that turned it off, for a disabled worker
 * @param suspended whether its polling is suspended
 * @param activitiesInFlight activities executing now
 * @param options the options in effect (none for a disabled worker, which was not built)
 * @param workflows the workflow types and their beans
 * @param activities the activity types and their beans
 * @param nexusServices the Nexus services and their beans
 * @param plugins the names of the Temporal SDK plugins the worker runs with, in order
 */
public record WorkerDescriptor(@Nullable String state, @Nullable String disabledBy, boolean suspended,
		int activitiesInFlight, @Nullable OptionsDescriptor options, List<ImplementationDescriptor> workflows,
		List<ImplementationDescriptor> activities, List<ImplementationDescriptor> nexusServices,
		List<String> plugins) {
}
