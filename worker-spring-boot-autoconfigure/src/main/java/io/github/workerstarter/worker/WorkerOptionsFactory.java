package io.github.workerstarter.worker;

import java.util.List;

import org.springframework.boot.context.properties.PropertyMapper;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.tuning.PollerBehavior;
import io.temporal.worker.tuning.PollerBehaviorAutoscaling;
import io.temporal.worker.tuning.ResourceBasedControllerOptions;
import io.temporal.worker.tuning.ResourceBasedTuner;
import io.temporal.worker.tuning.WorkerTuner;

/**
 * Builds a worker's {@link WorkerOptions} with the SDK's own builder: properties first (unset ones keep the SDK
 * default), then the customizers, then the starter's poller defaults where both left the pollers unset.
 */
final class WorkerOptionsFactory {

	private final List<WorkerOptionsCustomizer> customizers;

	private final TemporalProperties.Shutdown shutdown;

	private final boolean virtualThreadsByDefault;

	private final DeploymentDefaults deploymentDefaults;

	WorkerOptionsFactory(List<WorkerOptionsCustomizer> customizers, TemporalProperties.Shutdown shutdown,
			boolean virtualThreadsByDefault, DeploymentDefaults deploymentDefaults) {
		this.customizers = List.copyOf(customizers);
		this.shutdown = shutdown;
		this.virtualThreadsByDefault = virtualThreadsByDefault;
		this.deploymentDefaults = deploymentDefaults;
	}

	/**
	 * @param namespace the worker's namespace (customizers get it)
	 * @param taskQueue the queue the worker polls (customizers get it)
	 * @param entry the {@code temporal.workers} key, for messages
	 * @param properties the worker's options, defaults merged
	 * @param pollers the pollers to give the worker where its options leave them unset
	 */
	WorkerOptions create(String namespace, String taskQueue, String entry, WorkerProperties properties,
			PollerDefaults.Choice pollers) {
		WorkerOptions.Builder builder = WorkerOptions.newBuilder();
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::identity).to(builder::setIdentity);
		map.from(properties::maxConcurrentWorkflowTasks).to(builder::setMaxConcurrentWorkflowTaskExecutionSize);
		map.from(properties::maxConcurrentActivities).to(builder::setMaxConcurrentActivityExecutionSize);
		map.from(properties::maxConcurrentLocalActivities).to(builder::setMaxConcurrentLocalActivityExecutionSize);
		map.from(properties::workflowPollers).to(builder::setMaxConcurrentWorkflowTaskPollers);
		map.from(properties::activityPollers).to(builder::setMaxConcurrentActivityTaskPollers);
		map.from(properties::maxActivitiesPerSecond).to(builder::setMaxWorkerActivitiesPerSecond);
		map.from(properties::maxTaskQueueActivitiesPerSecond).to(builder::setMaxTaskQueueActivitiesPerSecond);
		map.from(properties::stickyQueueScheduleToStartTimeout).to(builder::setStickyQueueScheduleToStartTimeout);
		map.from(properties::tuner).as(WorkerOptionsFactory::tuner).to(builder::setWorkerTuner);
		map.from(properties::workflowPollerAutoscaling)
			.as(WorkerOptionsFactory::autoscaling)
			.to(builder::setWorkflowTaskPollersBehavior);
		map.from(properties::activityPollerAutoscaling)
			.as(WorkerOptionsFactory::autoscaling)
			.to(builder::setActivityTaskPollersBehavior);
		map.from(properties::eagerActivities).as((eager) -> !eager).to(builder::setDisableEagerExecution);
		boolean virtualThreads = (properties.virtualThreads() != null) ? properties.virtualThreads()
				: this.virtualThreadsByDefault;
		if (virtualThreads) {
			builder.setUsingVirtualThreads(true);
		}
		WorkerProperties.Deployment deployment = properties.deployment();
		if (deployment != null && deployment.isConfigured()) {
			builder.setDeploymentOptions(deploymentOptions("temporal.workers." + entry + ".deployment", deployment));
		}
		builder.setAllowActivityHeartbeatDuringShutdown(this.shutdown.allowActivityHeartbeats());
		builder.setStickyTaskQueueDrainTimeout(this.shutdown.stickyQueueDrainTimeout());
		this.customizers.forEach((customizer) -> customizer.customize(namespace, taskQueue, builder));
		pollers.applyTo(builder);
		// the Worker validates and fills in the SDK's defaults itself (worker.getWorkerOptions() has them);
		// validating here too would fill slot counts that the SDK then refuses next to a tuner
		return builder.build();
	}

	private WorkerDeploymentOptions deploymentOptions(String prefix, WorkerProperties.Deployment deployment) {
		String name = (deployment.name() != null) ? deployment.name() : this.deploymentDefaults.applicationName();
		String buildId = (deployment.buildId() != null) ? deployment.buildId() : this.deploymentDefaults.buildVersion();
		String purpose = deployment.usesVersioning() ? "uses versioning" : "has deployment settings";
		if (name == null || name.isBlank()) {
			throw new WorkerConfigurationException("Worker " + prefix.substring(0, prefix.lastIndexOf('.')) + " " + purpose
					+ ", but has no deployment name: " + prefix + ".name is not set and neither is spring.application.name.",
					"Set " + prefix + ".name (or temporal.worker-defaults.deployment.name, or spring.application.name) "
							+ "to the name shared by all versions of this service, e.g. order-service.");
		}
		if (name.contains(".")) {
			throw new WorkerConfigurationException("The deployment name of " + prefix + " is '" + name
					+ "' (from spring.application.name); a deployment name cannot contain a dot.",
					"Set " + prefix + ".name to a name without dots, e.g. " + name.replace('.', '-') + ".");
		}
		if (buildId == null || buildId.isBlank()) {
			throw new WorkerConfigurationException("Worker " + prefix.substring(0, prefix.lastIndexOf('.')) + " " + purpose
					+ ", but has no build id: " + prefix + ".build-id is not set and the application has no build "
					+ "info (META-INF/build-info.properties).",
					"Set " + prefix + ".build-id (e.g. from an environment variable: ${BUILD_ID}), or let "
							+ "spring-boot-maven-plugin's build-info goal (Gradle: springBoot { buildInfo() }) write the "
							+ "build info so build.version is used.");
		}
		WorkerDeploymentOptions.Builder builder = WorkerDeploymentOptions.newBuilder()
			.setUseVersioning(deployment.usesVersioning())
			.setVersion(new WorkerDeploymentVersion(name.trim(), buildId.trim()));
		if (deployment.defaultVersioningBehavior() != null) {
			builder.setDefaultVersioningBehavior(
					VersioningBehavior.valueOf(deployment.defaultVersioningBehavior().name()));
		}
		return builder.build();
	}

	private static WorkerTuner tuner(WorkerProperties.ResourceTuner tuner) {
		return ResourceBasedTuner.newBuilder()
			.setControllerOptions(
					ResourceBasedControllerOptions.newBuilder(tuner.targetMemoryUsage(), tuner.targetCpuUsage()).build())
			.build();
	}

	private static PollerBehavior autoscaling(WorkerProperties.PollerAutoscaling autoscaling) {
		return new PollerBehaviorAutoscaling(autoscaling.min(), autoscaling.max(), autoscaling.initial());
	}

}
