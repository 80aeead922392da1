package io.github.workerstarter.metrics;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.workerstarter.scaling.MonitoredTaskQueue;
import io.github.workerstarter.scaling.TaskQueueBacklogMeterBinder;
import io.github.workerstarter.scaling.TaskQueueBacklogMonitor;
import io.github.workerstarter.scaling.TaskQueueBacklogProperties;
import io.github.workerstarter.scaling.TaskType;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerAutoConfiguration;
import io.github.workerstarter.worker.TemporalWorkerFactories;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.client.WorkflowClient;

/**
 * The task queue backlog gauges ({@link TaskQueueBacklogMonitor}, {@link TaskQueueBacklogMeterBinder}) for the queues
 * this instance polls: the workers that poll, each with the task types it runs, on its namespace's connection. Needs
 * Micrometer and the starter's workers; off with {@code temporal.scaling.backlog.enabled=false} or
 * {@code temporal.metrics.enabled=false}.
 */
@AutoConfiguration(after = TemporalWorkerAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, WorkflowClient.class })
@ConditionalOnBean({ TemporalWorkerRegistry.class, TemporalWorkerFactories.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = { "temporal.metrics.enabled", "temporal.scaling.backlog.enabled" },
		matchIfMissing = true)
@EnableConfigurationProperties(TaskQueueBacklogProperties.class)
public final class TemporalTaskQueueBacklogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TaskQueueBacklogMonitor temporalTaskQueueBacklogMonitor(TemporalWorkerRegistry registry,
			TemporalWorkerFactories factories, TaskQueueBacklogProperties properties) {
		return new TaskQueueBacklogMonitor(() -> polledQueues(registry, factories), properties.interval(),
				properties.timeout());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskQueueBacklogMeterBinder temporalTaskQueueBacklogMeterBinder(TaskQueueBacklogMonitor monitor) {
		return new TaskQueueBacklogMeterBinder(monitor);
	}

	// only the queues this instance polls, each with the task types its worker runs
	static List<MonitoredTaskQueue> polledQueues(TemporalWorkerRegistry registry, TemporalWorkerFactories factories) {
		return registry.workers().stream().filter(RegisteredWorker::polls).map((worker) -> {
			Set<TaskType> types = EnumSet.noneOf(TaskType.class);
			if (!worker.workflowTypes().isEmpty()) {
				types.add(TaskType.WORKFLOW);
			}
			if (!worker.activityTypes().isEmpty()) {
				types.add(TaskType.ACTIVITY);
			}
			return new MonitoredTaskQueue(worker.namespaceName(), worker.taskQueue(), types,
					factories.workerFactory(worker.namespace()).getWorkflowClient().getWorkflowServiceStubs());
		}).filter((queue) -> !queue.types().isEmpty()).toList();
	}

}
