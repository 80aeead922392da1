package io.github.workerstarter.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;

import io.github.workerstarter.config.ActivityProperties;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * Builds the options a workflow implementation is registered with: activity options per activity type from
 * {@code temporal.activities.*} (the SDK merges them over the options passed to newActivityStub), the default
 * activity options from {@code temporal.activity-defaults.*} (what the SDK uses for a stub created without options,
 * with the type's options merged over them), then the customizers.
 */
final class WorkflowImplementationOptionsFactory {

	private final Map<String, ActivityOptions> activityOptions;

	private final List<WorkflowImplementationOptionsCustomizer> customizers;

	private final @Nullable ActivityOptions defaults;

	WorkflowImplementationOptionsFactory(Map<String, ActivityProperties> activities,
			@Nullable ActivityProperties defaults, List<WorkflowImplementationOptionsCustomizer> customizers) {
		this.defaults = (defaults != null) ? toOptions(defaults) : null;
		Map<String, ActivityOptions> options = new LinkedHashMap<>();
		activities.forEach((type, properties) -> options.put(type, toOptions(properties)));
		this.activityOptions = Map.copyOf(options);
		this.customizers = List.copyOf(customizers);
	}

	WorkflowImplementationOptions create(String namespace, String taskQueue, Class<?> workflowImplementation) {
		WorkflowImplementationOptions.Builder builder = WorkflowImplementationOptions.newBuilder();
		if (!this.activityOptions.isEmpty()) {
			builder.setActivityOptions(this.activityOptions);
		}
		if (this.defaults != null) {
			builder.setDefaultActivityOptions(this.defaults);
		}
		this.customizers.forEach((customizer) -> customizer.customize(namespace, taskQueue, workflowImplementation, builder));
		return builder.build();
	}

	private static ActivityOptions toOptions(ActivityProperties properties) {
		ActivityOptions.Builder builder = ActivityOptions.newBuilder();
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::startToCloseTimeout).to(builder::setStartToCloseTimeout);
		map.from(properties::scheduleToCloseTimeout).to(builder::setScheduleToCloseTimeout);
		map.from(properties::scheduleToStartTimeout).to(builder::setScheduleToStartTimeout);
		map.from(properties::heartbeatTimeout).to(builder::setHeartbeatTimeout);
		map.from(properties::taskQueue).to(builder::setTaskQueue);
		map.from(properties::cancellationType).to(builder::setCancellationType);
		map.from(properties::retry).as(WorkflowImplementationOptionsFactory::toRetryOptions).to(builder::setRetryOptions);
		return builder.build();
	}

	private static RetryOptions toRetryOptions(ActivityProperties.Retry retry) {
		RetryOptions.Builder builder = RetryOptions.newBuilder();
		PropertyMapper map = PropertyMapper.get();
		map.from(retry::initialInterval).to(builder::setInitialInterval);
		map.from(retry::backoffCoefficient).to(builder::setBackoffCoefficient);
		map.from(retry::maximumInterval).to(builder::setMaximumInterval);
		map.from(retry::maximumAttempts).to(builder::setMaximumAttempts);
		map.from(retry::doNotRetry).as((types) -> types.toArray(String[]::new)).to(builder::setDoNotRetry);
		return builder.build();
	}

}
