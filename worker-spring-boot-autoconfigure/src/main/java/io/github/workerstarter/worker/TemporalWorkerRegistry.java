package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.config.WorkerEntry;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.plugin.PluginBean;
import io.github.workerstarter.plugin.TemporalPlugins;
import io.github.workerstarter.registration.ImplementationFinder;
import io.github.workerstarter.registration.ImplementationKind;
import io.github.workerstarter.registration.TemporalImplementation;
import io.temporal.worker.TypeAlreadyRegisteredException;
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

	private final TemporalWorkerFactories workerFactories;

	private final TemporalProperties properties;

	private final ImplementationFinder finder;

	private final WorkerOptionsFactory optionsFactory;

	private final BeanFactory beanFactory;

	private volatile List<RegisteredWorker> workers = List.of();

	private volatile BuildTimes buildTimes = new BuildTimes(Duration.ZERO, Map.of());

	private final WorkflowImplementationOptionsFactory workflowOptionsFactory;

	private final TestServerStickyExecution testServerStickyExecution;

	private final PollerDefaults pollerDefaults;

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
		this(TemporalWorkerFactories.of(workerFactory), properties, finder, workerCustomizers, workflowCustomizers,
				virtualThreadsByDefault, deploymentDefaults, testServerStickyExecution, beanFactory);
	}

	/**
	 * A registry for several namespaces: each worker is built on the factory of its namespace.
	 * @param workerFactories the factories by namespace alias
	 * @param properties the starter's properties
	 * @param finder finds the implementing beans
	 * @param workerCustomizers adjust each worker's options
	 * @param workflowCustomizers adjust each workflow implementation's options
	 * @param virtualThreadsByDefault whether workers use virtual threads unless configured
	 * @param deploymentDefaults the deployment name and build id to fall back on
	 * @param testServerStickyExecution turns sticky execution off on the SDK's test server
	 * @param beanFactory where implementations come from
	 */
	public TemporalWorkerRegistry(TemporalWorkerFactories workerFactories, TemporalProperties properties,
			ImplementationFinder finder, List<WorkerOptionsCustomizer> workerCustomizers,
			List<WorkflowImplementationOptionsCustomizer> workflowCustomizers, boolean virtualThreadsByDefault,
			DeploymentDefaults deploymentDefaults, TestServerStickyExecution testServerStickyExecution,
			BeanFactory beanFactory) {
		this(workerFactories, properties, finder, workerCustomizers, workflowCustomizers, virtualThreadsByDefault,
				deploymentDefaults, testServerStickyExecution, PollerDefaults.SDK, beanFactory);
	}

	/**
	 * A registry for several namespaces that chooses the pollers of workers that leave them unset.
	 * @param workerFactories the factories by namespace alias
	 * @param properties the starter's properties
	 * @param finder finds the implementing beans
	 * @param workerCustomizers adjust each worker's options
	 * @param workflowCustomizers adjust each workflow implementation's options
	 * @param virtualThreadsByDefault whether workers use virtual threads unless configured
	 * @param deploymentDefaults the deployment name and build id to fall back on
	 * @param testServerStickyExecution turns sticky execution off on the SDK's test server
	 * @param pollerDefaults the pollers of workers whose poller settings are unset ({@code temporal.pollers})
	 * @param beanFactory where implementations come from
	 */
	public TemporalWorkerRegistry(TemporalWorkerFactories workerFactories, TemporalProperties properties,
			ImplementationFinder finder, List<WorkerOptionsCustomizer> workerCustomizers,
			List<WorkflowImplementationOptionsCustomizer> workflowCustomizers, boolean virtualThreadsByDefault,
			DeploymentDefaults deploymentDefaults, TestServerStickyExecution testServerStickyExecution,
			PollerDefaults pollerDefaults, BeanFactory beanFactory) {
		this.workerFactories = workerFactories;
		this.properties = properties;
		this.finder = finder;
		this.optionsFactory = new WorkerOptionsFactory(workerCustomizers, properties.shutdown(),
				virtualThreadsByDefault, deploymentDefaults);
		this.workflowOptionsFactory = new WorkflowImplementationOptionsFactory(properties.activities(),
				properties.activityDefaults(), workflowCustomizers);
		this.beanFactory = beanFactory;
		this.testServerStickyExecution = testServerStickyExecution;
		this.pollerDefaults = pollerDefaults;
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
		// what the SDK plugins on each namespace's workers register themselves is listed and checked with the beans
		List<TemporalImplementation> implementations = this.finder
			.findAll(TemporalPlugins.implementations(this.workerFactories.pluginsByAlias()));
		List<WorkerEntry> configured = this.properties.workerEntries();
		Set<String> runWorkflows = running(configured, implementations, ImplementationKind.WORKFLOW);
		Set<String> runActivities = running(configured, implementations, ImplementationKind.ACTIVITY);
		// may ask the server what it is (the startup check, shared with the lifecycle): counted with finding
		List<WorkerEntry> entries = this.testServerStickyExecution.apply(configured, runWorkflows);
		Map<String, PollerDefaults.Choice> pollers = this.pollerDefaults.choose(entries, runWorkflows, runActivities,
				this::namespaceName);
		long previous = System.nanoTime();
		Duration finding = Duration.ofNanos(previous - findingStarted);
		Map<String, Duration> times = new LinkedHashMap<>();
		List<RegisteredWorker> built = new ArrayList<>();
		for (WorkerEntry entry : entries) {
			List<TemporalImplementation> onQueue = implementations.stream()
				.filter((implementation) -> implementation.servesWorker(entry.name()))
				.toList();
			rejectDuplicateTypes(entry, onQueue);
			String disabledBy = disabledBy(entry);
			List<String> plugins = pluginNames(entry.namespace());
			Worker worker = (disabledBy != null) ? null
					: newWorker(entry, onQueue, pollers.getOrDefault(entry.name(), PollerDefaults.Choice.SDK), plugins);
			RegisteredWorker registered = new RegisteredWorker(entry.name(), entry.namespace(),
					namespaceName(entry.namespace()), entry.taskQueue(), worker,
					typeNames(onQueue, ImplementationKind.WORKFLOW), typeNames(onQueue, ImplementationKind.ACTIVITY),
					typeNames(onQueue, ImplementationKind.NEXUS_SERVICE), onQueue, disabledBy, plugins);
			log(registered);
			built.add(registered);
			long now = System.nanoTime();
			times.put(entry.taskQueue() + (entry.isMain() ? "" : " (" + entry.namespace() + ")"),
					Duration.ofNanos(now - previous));
			previous = now;
		}
		this.buildTimes = new BuildTimes(finding, times);
		this.workers = List.copyOf(built);
	}

	// the enabled entries with an implementation of that kind: the workers that will poll its tasks
	private Set<String> running(List<WorkerEntry> entries, List<TemporalImplementation> implementations,
			ImplementationKind kind) {
		return entries.stream()
			.filter((entry) -> disabledBy(entry) == null && implementations.stream()
				.anyMatch((i) -> i.kind() == kind && i.servesWorker(entry.name())))
			.map(WorkerEntry::name)
			.collect(Collectors.toSet());
	}

	// the name the namespace's client uses (temporal.namespace may have been left to a CLI profile)
	private String namespaceName(String alias) {
		return this.workerFactories.workerFactory(alias).getWorkflowClient().getOptions().getNamespace();
	}

	private Worker newWorker(WorkerEntry entry, List<TemporalImplementation> onQueue, PollerDefaults.Choice pollers,
			List<String> plugins) {
		String namespace = namespaceName(entry.namespace());
		WorkerOptions options = this.optionsFactory.create(namespace, entry.taskQueue(), entry.name(), entry.properties(),
				pollers);
		// the SDK applies the plugins' configureWorker and initializeWorker (their own registrations) here
		Worker worker = this.workerFactories.workerFactory(entry.namespace()).newWorker(entry.taskQueue(), options);
		for (TemporalImplementation implementation : onQueue) {
			try {
				implementation.registerOn(worker, this.beanFactory,
						(workflowClass) -> this.workflowOptionsFactory.create(namespace, entry.taskQueue(), workflowClass));
			}
			catch (TypeAlreadyRegisteredException ex) {
				if (plugins.isEmpty()) {
					throw ex;
				}
				// a plugin's own initializeWorker code registered it: the starter cannot see that beforehand
				throw new WorkerConfigurationException("Task queue " + entry.describe() + ": " + implementation.describe()
						+ " implements " + implementation.kind().typeLabel() + " '" + ex.getRegisteredTypeName()
						+ "', which a plugin on this worker " + plugins + " already registered in its initializeWorker.",
						"Keep one implementation on this queue: remove the bean's annotation (or move it to another task "
								+ "queue), or limit the plugin to other namespaces with @PluginNamespaces.", ex);
			}
		}
		PluginOverrides.report(entry, options, worker.getWorkerOptions(), plugins);
		return worker;
	}

	private List<String> pluginNames(String alias) {
		return this.workerFactories.plugins(alias).stream().map(PluginBean::name).toList();
	}

	private @Nullable String disabledBy(WorkerEntry entry) {
		if (!this.properties.startWorkers()) {
			return "temporal.start-workers=false";
		}
		return entry.properties().isEnabled() ? null : entry.prefix() + ".enabled=false";
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
	 * Whether any worker of one namespace is configured, known before the workers are built.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return false when no entry of temporal.workers runs in that namespace
	 */
	public boolean hasConfiguredWorkers(String alias) {
		return this.properties.workerEntries().stream().anyMatch((entry) -> entry.namespace().equals(alias));
	}

	/**
	 * The workers built so far, in configuration order.
	 * @return the registered workers
	 */
	public List<RegisteredWorker> workers() {
		return this.workers;
	}

	private static void rejectDuplicateTypes(WorkerEntry entry, List<TemporalImplementation> onQueue) {
		String taskQueue = entry.describe();
		Map<String, TemporalImplementation> owners = new HashMap<>();
		for (TemporalImplementation implementation : onQueue) {
			for (String typeName : implementation.typeNames()) {
				TemporalImplementation previous = owners.putIfAbsent(implementation.kind() + typeName, implementation);
				if (previous != null && implementation.isDynamic()) {
					throw new WorkerConfigurationException("Task queue " + taskQueue + " has two dynamic "
							+ implementation.kind().typeLabel() + " implementations (" + implementation.kind().dynamicInterface()
							+ "): " + previous.describe() + " and " + implementation.describe() + ". A worker runs at "
							+ "most one: it receives every " + implementation.kind().typeLabel() + " that has no "
							+ "implementation of its own.",
							"Keep one of them on this queue: move the other to another task queue or remove its annotation.");
				}
				if (previous != null) {
					boolean plugin = previous.isFromPlugin() || implementation.isFromPlugin();
					throw new WorkerConfigurationException("Task queue " + taskQueue + " has two implementations of "
							+ implementation.kind().typeLabel() + " '" + typeName + "': " + previous.describe() + " and "
							+ implementation.describe() + ". The worker could only run one of them.",
							"Keep one implementation on this queue: move the other to another task queue, remove its "
									+ "annotation, or give its interface another name."
									+ (plugin ? " A plugin registers its implementations on every worker of the "
											+ "namespaces it applies to: limit it with @PluginNamespaces, or remove the "
											+ "bean's own registration." : ""));
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
			logger.info("Temporal worker for task queue '" + registered.taskQueue() + "'"
					+ (registered.isMainNamespace() ? "" : " in namespace '" + registered.namespaceName() + "'") + " is disabled ("
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
			logger.warn("Temporal worker for task queue '" + registered.taskQueue() + "'"
					+ (registered.isMainNamespace() ? "" : " in namespace '" + registered.namespaceName() + "'")
					+ " has nothing to run: no "
					+ "@WorkflowImpl, @ActivityImpl or @NexusServiceImpl bean names this queue, so it will not poll. Remove "
					+ "temporal.workers." + registered.name() + " or annotate a bean with it.");
			return;
		}
		String slots = (options.getWorkerTuner() != null) ? "slots by " + options.getWorkerTuner().getClass().getSimpleName()
				: String.format("max concurrent workflow tasks=%d activities=%d local activities=%d",
						options.getMaxConcurrentWorkflowTaskExecutionSize(), options.getMaxConcurrentActivityExecutionSize(),
						options.getMaxConcurrentLocalActivityExecutionSize());
		logger.info(String.format("Temporal worker for task queue '%s' in namespace '%s': workflows %s, activities %s%s; "
				+ "%s; pollers workflow=%s activity=%s%s; identity=%s", registered.taskQueue(),
				registered.namespaceName(), registered.workflowTypes(), registered.activityTypes(),
				registered.nexusServices().isEmpty() ? "" : ", Nexus services " + registered.nexusServices(), slots,
				pollers(options.getWorkflowTaskPollersBehavior(), options.getMaxConcurrentWorkflowTaskPollers()),
				pollers(options.getActivityTaskPollersBehavior(), options.getMaxConcurrentActivityTaskPollers()),
				options.isUsingVirtualThreadsOnActivityWorker() ? " on virtual threads" : "",
				(options.getIdentity() != null) ? options.getIdentity() : "(client identity)")
				+ deployment(options.getDeploymentOptions())
				+ (registered.plugins().isEmpty() ? "" : "; plugins " + registered.plugins()));
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
