package io.github.workerstarter.worker;

import java.util.List;

import org.springframework.boot.context.properties.PropertyMapper;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerProperties;
import io.temporal.worker.WorkerOptions;

/**
 * Builds a worker's {@link WorkerOptions} with the SDK's own builder: properties first (unset ones keep the SDK
 * default), then the customizers.
 */
final class WorkerOptionsFactory {

	private final List<WorkerOptionsCustomizer> customizers;

	private final TemporalProperties.Shutdown shutdown;

	WorkerOptionsFactory(List<WorkerOptionsCustomizer> customizers, TemporalProperties.Shutdown shutdown) {
		this.customizers = List.copyOf(customizers);
		this.shutdown = shutdown;
	}

	WorkerOptions create(String taskQueue, WorkerProperties properties) {
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
		builder.setAllowActivityHeartbeatDuringShutdown(this.shutdown.allowActivityHeartbeats());
		builder.setStickyTaskQueueDrainTimeout(this.shutdown.stickyQueueDrainTimeout());
		this.customizers.forEach((customizer) -> customizer.customize(taskQueue, builder));
		// with the SDK's defaults filled in, so the startup log and later the health details show real values
		return builder.validateAndBuildWithDefaults();
	}

}
