package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.registration.ImplementationFinder;
import io.github.workerstarter.registration.ImplementationKind;
import io.github.workerstarter.registration.TemporalImplementation;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;

/**
 * Builds one {@link Worker} per configured task queue and registers on it every annotated bean that names the
 * queue. Runs once all singletons exist (so activity beans are complete, proxies included) and before any
 * lifecycle starts, so a bad set-up fails startup before a worker polls.
 */
public class TemporalWorkerRegistry implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(TemporalWorkerRegistry.class);

	private final WorkerFactory workerFactory;

	private final TemporalProperties properties;

	private final ImplementationFinder finder;

	private final WorkerOptionsFactory optionsFactory;

	private final BeanFactory beanFactory;

	private volatile List<RegisteredWorker> workers = List.of();

	private volatile BuildTimes buildTimes = new BuildTimes(Duration.ZERO, Map.of());

	private final WorkflowImplementationOptionsFactory workflowOptionsFactory;

	private final TestServerStickyExecution testServerStickyExecution;

	public TemporalWorkerRegistry(WorkerFactory workerFactory, TemporalProperties properties,
			ImplementationFinder finder, List<WorkerOptionsCustomizer> workerCustomizers,
			List<WorkflowImplementationOptionsCustomizer> workflowCustomizers, boolean virtualThreadsByDefault,
			BeanFactory beanFactory) {
		this(workerFactory, properties, finder, workerCustomizers, workflowCustomizers, virtualThreadsByDefault,
				DeploymentDefaults.NONE, beanFactory);
	}

	public TemporalWorkerRegistry(WorkerFactory workerFactory, TemporalProperties properties,
			ImplementationFinder finder, List<WorkerOptionsCustomizer> workerCustomizers,
			List<WorkflowImplementationOptionsCustomizer> workflowCustomizers, boolean virtualThreadsByDefault,
			DeploymentDefaults deploymentDefaults, BeanFactory beanFactory) {
		this(workerFactory, properties, finder, workerCustomizers, workflowCustomizers, virtualThreadsByDefault,
				deploymentDefaults, TestServerStickyExecution.NEVER, beanFactory);
	}

	public TemporalWorkerRegistry(WorkerFactory workerFactory, TemporalProperties properties,
			ImplementationFinder finder, List<WorkerOptionsCustomizer> workerCustomizers,
			List<WorkflowImplementationOptionsCustomizer> workflowCustomizers, boolean virtualThreadsByDefault,
			DeploymentDefaults deploymentDefaults, TestServerStickyExecution testServerStickyExecution,
			BeanFactory beanFactory) {
		this.workerFactory = workerFactory;
		this.properties = properties;
		this.finder = finder;
		this.optionsFactory = new WorkerOptionsFactory(workerCustomizers, properties.shutdown(),
				virtualThreadsByDefault, deploymentDefaults);
		this.workflowOptionsFactory = new WorkflowImplementationOptionsFactory(properties.activities(),
				workflowCustomizers);
		this.beanFactory = beanFactory;
		this.testServerStickyExecution = testServerStickyExecution;
	}

	@Override
	public void afterSingletonsInstantiated() {
		registerWorkers();
	}

	/**
	 * Builds the workers, once.
	 * @throws WorkerConfigurationException when an annotated bean or a queue is misconfigured
	 */
	public synchronized void registerWorkers() {
		if (!this.workers.isEmpty()) {
			return;
		}
		long findingStarted = System.nanoTime();
		List<TemporalImplementation> implementations = this.finder.findAll();
		Map<String, WorkerProperties> configured = this.properties.workersByTaskQueue();
		List<String> runWorkflows = configured.keySet()
			.stream()
			.filter((queue) -> disabledBy(queue, configured.get(queue)) == null && implementations.stream()
				.anyMatch((i) -> i.kind() == ImplementationKind.WORKFLOW && i.taskQueues().contains(queue)))
			.toList();
		// may ask the server what it is (the startup check, shared with the lifecycle): counted with finding
		Map<String, WorkerProperties> effective = this.testServerStickyExecution.apply(configured, runWorkflows);
		long previous = System.nanoTime();
		Duration finding = Duration.ofNanos(previous - findingStarted);
		Map<String, Duration> times = new LinkedHashMap<>();
		List<RegisteredWorker> built = new ArrayList<>();
		for (Map.Entry<String, WorkerProperties> entry : effective.entrySet()) {
			String taskQueue = entry.getKey();
			List<TemporalImplementation> onQueue = implementations.stream()
				.filter((implementation) -> implementation.taskQueues().contains(taskQueue))
				.toList();
			rejectDuplicateTypes(taskQueue, onQueue);
			String disabledBy = disabledBy(taskQueue, entry.getValue());
			Worker worker = (disabledBy != null) ? null : newWorker(taskQueue, entry.getValue(), onQueue);
			RegisteredWorker registered = new RegisteredWorker(taskQueue, worker,
					typeNames(onQueue, ImplementationKind.WORKFLOW), typeNames(onQueue, ImplementationKind.ACTIVITY),
					typeNames(onQueue, ImplementationKind.NEXUS_SERVICE), onQueue, disabledBy);
			log(registered);
			built.add(registered);
			long now = System.nanoTime();
			times.put(taskQueue, Duration.ofNanos(now - previous));
			previous = now;
		}
		this.buildTimes = new BuildTimes(finding, times);
		this.workers = List.copyOf(built);
	}

	private Worker newWorker(String taskQueue, WorkerProperties properties, List<TemporalImplementation> onQueue) {
		WorkerOptions options = this.optionsFactory.create(taskQueue, this.properties.entryOf(taskQueue), properties);
		Worker worker = this.workerFactory.newWorker(taskQueue, options);
		onQueue.forEach((implementation) -> implementation.registerOn(worker, this.beanFactory,
				(workflowClass) -> this.workflowOptionsFactory.create(taskQueue, workflowClass)));
		return worker;
	}

	private @Nullable String disabledBy(String taskQueue, WorkerProperties worker) {
		if (!this.properties.startWorkers()) {
			return "temporal.start-workers=false";
		}
		return worker.isEnabled() ? null : "temporal.workers." + this.properties.entryOf(taskQueue) + ".enabled=false";
	}

	/**
	 * How long building the workers took, for the startup log line.
	 * @param finding finding and checking the annotated beans, shared by all workers
	 * @param byTaskQueue each worker (options, registrations, its log line), by task queue, in build order
	 */
	public record BuildTimes(Duration finding, Map<String, Duration> byTaskQueue) {
	}

	/**
	 * How long building the workers took.
	 * @return the times; zero before {@link #registerWorkers()}
	 */
	public BuildTimes buildTimes() {
		return this.buildTimes;
	}

	/**
	 * Whether any worker is configured ({@code temporal.workers}), known before the workers are built.
	 * @return false for a client-only application
	 */
	public boolean hasConfiguredWorkers() {
		return !this.properties.workers().isEmpty();
	}

	/**
	 * The workers built so far, in configuration order.
	 * @return the registered workers
	 */
	public List<RegisteredWorker> workers() {
		return this.workers;
	}

	private static void rejectDuplicateTypes(String taskQueue, List<TemporalImplementation> onQueue) {
		Map<String, TemporalImplementation> owners = new HashMap<>();
		for (TemporalImplementation implementation : onQueue) {
			for (String typeName : implementation.typeNames()) {
				TemporalImplementation previous = owners.putIfAbsent(implementation.kind() + typeName, implementation);
				if (previous != null && implementation.isDynamic()) {
					throw new WorkerConfigurationException("Task queue '" + taskQueue + "' has two dynamic "
							+ implementation.kind().typeLabel() + " implementations (" + implementation.kind().dynamicInterface()
							+ "): " + previous.describe() + " and " + implementation.describe() + ". A worker runs at "
							+ "most one: it receives every " + implementation.kind().typeLabel() + " that has no "
							+ "implementation of its own.",
							"Keep one of them on this queue: move the other to another task queue or remove its annotation.");
				}
				if (previous != null) {
					throw new WorkerConfigurationException("Task queue '" + taskQueue + "' has two implementations of "
							+ implementation.kind().typeLabel() + " '" + typeName + "': " + previous.describe() + " and "
							+ implementation.describe() + ". The worker could only run one of them.",
							"Keep one implementation on this queue: move the other to another task queue, remove its "
									+ "annotation, or give its interface another name.");
				}
			}
		}
	}

	private static List<String> typeNames(List<TemporalImplementation> implementations, ImplementationKind kind) {
		return implementations.stream()
			.filter((implementation) -> implementation.kind() == kind)
			.flatMap((implementation) -> implementation.typeNames().stream())
			.toList();
	}

	private void log(RegisteredWorker registered) {
		if (!registered.isEnabled()) {
			logger.info("Temporal worker for task queue '" + registered.taskQueue() + "' is disabled ("
					+ registered.disabledBy() + "): nothing polls it in this application" + (registered.hasRegistrations()
							? "; it would run workflows " + registered.workflowTypes() + ", activities "
									+ registered.activityTypes()
									+ (registered.nexusServices().isEmpty() ? "" : ", Nexus services " + registered.nexusServices())
							: "")
					+ ".");
			return;
		}
		WorkerOptions options = registered.requireWorker().getWorkerOptions();
		if (!registered.hasRegistrations()) {
			logger.warn("Temporal worker for task queue '" + registered.taskQueue() + "' has nothing to run: no "
					+ "@WorkflowImpl, @ActivityImpl or @NexusServiceImpl bean names this queue, so it will not poll. Remove "
					+ "temporal.workers." + registered.taskQueue() + " or annotate a bean with it.");
			return;
		}
		String slots = (options.getWorkerTuner() != null) ? "slots by " + options.getWorkerTuner().getClass().getSimpleName()
				: String.format("max concurrent workflow tasks=%d activities=%d local activities=%d",
						options.getMaxConcurrentWorkflowTaskExecutionSize(), options.getMaxConcurrentActivityExecutionSize(),
						options.getMaxConcurrentLocalActivityExecutionSize());
		logger.info(String.format("Temporal worker for task queue '%s' in namespace '%s': workflows %s, activities %s%s; "
				+ "%s; pollers workflow=%s activity=%s; identity=%s", registered.taskQueue(),
				this.properties.namespace(), registered.workflowTypes(), registered.activityTypes(),
				registered.nexusServices().isEmpty() ? "" : ", Nexus services " + registered.nexusServices(), slots,
				pollers(options.getWorkflowTaskPollersBehavior(), options.getMaxConcurrentWorkflowTaskPollers()),
				pollers(options.getActivityTaskPollersBehavior(), options.getMaxConcurrentActivityTaskPollers()),
				(options.getIdentity() != null) ? options.getIdentity() : "(client identity)")
				+ deployment(options.getDeploymentOptions()));
	}

	private static String deployment(io.temporal.worker.@Nullable WorkerDeploymentOptions deployment) {
		if (deployment == null || deployment.getVersion() == null) {
			return "";
		}
		return "; deployment version " + deployment.getVersion().toCanonicalString()
				+ (deployment.isUsingVersioning() ? " (versioned, default behaviour "
						+ deployment.getDefaultVersioningBehavior().name().toLowerCase() + ")" : " (not versioned)");
	}

	private static String pollers(io.temporal.worker.tuning.PollerBehavior behavior, int fixed) {
		return (behavior instanceof io.temporal.worker.tuning.PollerBehaviorAutoscaling scaling)
				? "autoscaling " + scaling.getMinConcurrentTaskPollers() + ".." + scaling.getMaxConcurrentTaskPollers()
				: String.valueOf(fixed);
	}

	@Override
	public String toString() {
		return this.workers.stream().map(RegisteredWorker::taskQueue).collect(Collectors.joining(", ", "Workers[", "]"));
	}

}
