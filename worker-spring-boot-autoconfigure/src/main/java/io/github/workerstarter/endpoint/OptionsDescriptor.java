package io.github.workerstarter.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * Worker options in effect.
 *
 * @param maxConcurrentWorkflowTasks workflow task slots
 * @param maxConcurrentActivities activity slots
 * @param maxConcurrentLocalActivities local activity slots
 * @param workflowTaskPollers workflow task pollers
 * @param activityTaskPollers activity task pollers
 * @param maxWorkerActivitiesPerSecond activities per second for this worker (0: unlimited)
 * @param maxTaskQueueActivitiesPerSecond activities per second for the whole task queue (0: unlimited)
 * @param identity the worker's identity
 * @param deployment its Worker Deployment version, when it reports one
 */
public record OptionsDescriptor(int maxConcurrentWorkflowTasks, int maxConcurrentActivities,
		int maxConcurrentLocalActivities, int workflowTaskPollers, int activityTaskPollers,
		double maxWorkerActivitiesPerSecond, double maxTaskQueueActivitiesPerSecond, @Nullable String identity,
		@Nullable DeploymentDescriptor deployment) {
}
