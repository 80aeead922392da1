package io.github.workerstarter.worker;

import java.util.List;

import org.springframework.boot.context.properties.PropertyMapper;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerProperties;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.tuning.PollerBehavior;
import io.temporal.worker.tuning.PollerBehaviorAutoscaling;
import io.temporal.worker.tuning.ResourceBasedControllerOptions;
import io.temporal.worker.tuning.ResourceBasedTuner;
import io.temporal.worker.tuning.WorkerTuner;

/**
 * Builds a worker's {@link WorkerOptions} with the SDK's own builder: properties first (unset ones keep the SDK
 * default), then the customizers.
 */
final class WorkerOptionsFactory {

	private final List<WorkerOptionsCustomizer> customizers;

	private final TemporalProperties.Shutdown shutdown;

	private final boolean virtualThreadsByDefault;

	WorkerOptionsFactory(List<WorkerOptionsCustomizer> customizers, TemporalProperties.Shutdown shutdown,
			boolean virtualThreadsByDefault) {
		this.customizers = List.copyOf(customizers);
		this.shutdown = shutdown;
		this.virtualThreadsByDefault = virtualThreadsByDefault;
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
		builder.setAllowActivityHeartbeatDuringShutdown(this.shutdown.allowActivityHeartbeats());
		builder.setStickyTaskQueueDrainTimeout(this.shutdown.stickyQueueDrainTimeout());
		this.customizers.forEach((customizer) -> customizer.customize(taskQueue, builder));
		// the Worker validates and fills in the SDK's defaults itself (worker.getWorkerOptions() has them);
		// validating here too would fill slot counts that the SDK then refuses next to a tuner
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
