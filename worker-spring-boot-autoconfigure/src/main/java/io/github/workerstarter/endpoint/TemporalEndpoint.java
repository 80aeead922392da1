package io.github.workerstarter.endpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.config.ActivityProperties;
import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.lifecycle.TemporalWorkerStates;
import io.github.workerstarter.lifecycle.WorkerState;
import io.github.workerstarter.plugin.TemporalPlugins;
import io.github.workerstarter.registration.ImplementationKind;
import io.github.workerstarter.registration.TemporalImplementation;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerOptions;

/**
 * {@code /actuator/temporal}: the connection and, per worker, its state, the options in effect and the beans
 * registered on it. {@code POST /actuator/temporal/{taskQueue}} with {@code {"action":"suspend"}} or
 * {@code {"action":"resume"}} suspends or resumes one worker's polling (in-flight tasks go on), only with
 * {@code temporal.endpoint.write-operations-enabled=true}.
 */
@Endpoint(id = "temporal")
public class TemporalEndpoint {

	static final int STATUS_FORBIDDEN = 403;

	static final int STATUS_CONFLICT = 409;

	private final ServerProbe probe;

	private final @Nullable String clientIdentity;

	private final ObjectProvider<TemporalWorkerRegistry> registry;

	private final ObjectProvider<TemporalWorkerStates> states;

	private final boolean writeOperationsEnabled;

	private final Map<String, Map<String, Object>> activityOptions;

	private final Map<String, ServerProbe> furtherNamespaces;

	private final Function<Class<?>, @Nullable DeterminismDescriptor> determinism;

	private final ObjectProvider<TemporalPlugins> plugins;

	/**
	 * The endpoint.
	 * @param probe asks the main namespace's server
	 * @param clientIdentity the client's identity, shown for workers without their own
	 * @param registry the workers
	 * @param states their states
	 * @param writeOperationsEnabled whether suspend and resume are accepted
	 * @param activityOptions the options set per activity type
	 * @param furtherNamespaces the probes of the further namespaces, by alias
	 * @param determinism what the determinism check found in a workflow implementation class, or null without a check
	 * @param plugins the plugin beans and where they apply
	 */
	public TemporalEndpoint(ServerProbe probe, @Nullable String clientIdentity,
			ObjectProvider<TemporalWorkerRegistry> registry, ObjectProvider<TemporalWorkerStates> states,
			boolean writeOperationsEnabled, Map<String, ActivityProperties> activityOptions,
			Map<String, ServerProbe> furtherNamespaces, Function<Class<?>, @Nullable DeterminismDescriptor> determinism,
			ObjectProvider<TemporalPlugins> plugins) {
		this.determinism = determinism;
		this.plugins = plugins;
		this.furtherNamespaces = new LinkedHashMap<>(furtherNamespaces);
		this.probe = probe;
		this.clientIdentity = clientIdentity;
		this.registry = registry;
		this.states = states;
		this.writeOperationsEnabled = writeOperationsEnabled;
		Map<String, Map<String, Object>> described = new TreeMap<>();
		activityOptions.forEach((type, options) -> described.put(type, ActivityOptionsDescription.of(options)));
		this.activityOptions = Collections.unmodifiableMap(described);
	}

	@ReadOperation
	public TemporalDescriptor temporal() {
		TemporalWorkerStates workerStates = this.states.getIfAvailable();
		NamespaceDescriptor main = namespace(NamespaceProperties.MAIN, this.probe);
		Map<String, NamespaceDescriptor> namespaces = new LinkedHashMap<>();
		this.furtherNamespaces.forEach((alias, probe) -> namespaces.put(alias, namespace(alias, probe)));
		return new TemporalDescriptor(main.connection(), main.state(),
				(workerStates != null) ? workerStates.problem(NamespaceProperties.MAIN) : null,
				this.writeOperationsEnabled, main.workers(), this.activityOptions, namespaces, plugins());
	}

	private List<PluginDescriptor> plugins() {
		TemporalPlugins all = this.plugins.getIfAvailable();
		return (all != null) ? PluginDescriptor.of(all) : List.of();
	}

	private NamespaceDescriptor namespace(String alias, ServerProbe probe) {
		TemporalWorkerStates workerStates = this.states.getIfAvailable();
		Map<String, WorkerDescriptor> workers = new LinkedHashMap<>();
		workers(alias).forEach((worker) -> workers.put(worker.taskQueue(), describe(worker)));
		// a namespace with nothing to poll never starts: no state rather than "starting" forever
		return new NamespaceDescriptor(new ConnectionDescriptor(probe.target(), probe.namespace()),
				(workerStates != null && workerStates.polls(alias)) ? lower(workerStates.state(alias)) : null,
				(workerStates != null) ? workerStates.problem(alias) : null, workers);
	}

	@ReadOperation
	public WebEndpointResponse<Object> worker(@Selector String taskQueue) {
		return worker(NamespaceProperties.MAIN, taskQueue);
	}

	/**
	 * One worker of a namespace: {@code GET /actuator/temporal/{namespace}/{taskQueue}}.
	 * @param namespace the namespace's alias ({@code main} or a key of temporal.namespaces)
	 * @param taskQueue the worker's task queue
	 * @return the worker, or 404
	 */
	@ReadOperation
	public WebEndpointResponse<Object> worker(@Selector String namespace, @Selector String taskQueue) {
		return find(namespace, taskQueue)
			.<WebEndpointResponse<Object>>map((worker) -> new WebEndpointResponse<>(describe(worker)))
			.orElseGet(() -> unknownQueue(namespace, taskQueue));
	}

	/**
	 * Suspends or resumes one worker's polling.
	 * @param taskQueue the worker's task queue
	 * @param action {@code suspend} or {@code resume}
	 * @return the worker as it is now, or why nothing was done
	 */
	@WriteOperation
	public WebEndpointResponse<Object> update(@Selector String taskQueue, String action) {
		return update(NamespaceProperties.MAIN, taskQueue, action);
	}

	/**
	 * Suspends or resumes the polling of one worker of a namespace:
	 * {@code POST /actuator/temporal/{namespace}/{taskQueue}}.
	 * @param namespace the namespace's alias ({@code main} or a key of temporal.namespaces)
	 * @param taskQueue the worker's task queue
	 * @param action {@code suspend} or {@code resume}
	 * @return the worker as it is now, or why nothing was done
	 */
	@WriteOperation
	public WebEndpointResponse<Object> update(@Selector String namespace, @Selector String taskQueue, String action) {
		if (!this.writeOperationsEnabled) {
			return error(STATUS_FORBIDDEN, "Write operations of the temporal endpoint are disabled. Set "
					+ "temporal.endpoint.write-operations-enabled=true to suspend and resume workers through it.");
		}
		Optional<RegisteredWorker> found = find(namespace, taskQueue);
		if (found.isEmpty()) {
			return unknownQueue(namespace, taskQueue);
		}
		RegisteredWorker worker = found.get();
		String verb = action.trim().toLowerCase(Locale.ROOT);
		if (!verb.equals("suspend") && !verb.equals("resume")) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST,
					"Unknown action '" + action + "'. Send {\"action\":\"suspend\"} or {\"action\":\"resume\"}.");
		}
		TemporalWorkerStates workerStates = this.states.getIfAvailable();
		WorkerState overall = (workerStates != null) ? workerStates.state(namespace) : WorkerState.STARTING;
		if (overall != WorkerState.RUNNING) {
			return error(STATUS_CONFLICT, "The workers are " + lower(overall) + ", not running: only a running "
					+ "worker can be suspended or resumed here.");
		}
		if (!worker.isEnabled()) {
			return error(STATUS_CONFLICT, "The worker of task queue '" + taskQueue + "' is disabled ("
					+ worker.disabledBy() + ") and does not poll in this application.");
		}
		if (!worker.hasRegistrations()) {
			return error(STATUS_CONFLICT, "The worker of task queue '" + taskQueue
					+ "' has no workflow, activity or Nexus service registered and does not poll.");
		}
		if (verb.equals("suspend")) {
			worker.requireWorker().suspendPolling();
		}
		else {
			worker.requireWorker().resumePolling();
		}
		return new WebEndpointResponse<>(describe(worker));
	}

	private List<RegisteredWorker> workers(String alias) {
		TemporalWorkerRegistry workerRegistry = this.registry.getIfAvailable();
		return (workerRegistry != null)
				? workerRegistry.workers().stream().filter((worker) -> worker.namespace().equals(alias)).toList()
				: List.of();
	}

	private Optional<RegisteredWorker> find(String alias, String taskQueue) {
		return workers(alias).stream().filter((worker) -> worker.taskQueue().equals(taskQueue)).findFirst();
	}

	private WebEndpointResponse<Object> unknownQueue(String alias, String taskQueue) {
		boolean main = NamespaceProperties.MAIN.equals(alias);
		if (!main && !this.furtherNamespaces.containsKey(alias)) {
			List<String> aliases = new java.util.ArrayList<>(List.of(NamespaceProperties.MAIN));
			aliases.addAll(this.furtherNamespaces.keySet());
			return error(WebEndpointResponse.STATUS_NOT_FOUND, "No namespace with the alias '" + alias + "'. Aliases: "
					+ aliases + ".");
		}
		return error(WebEndpointResponse.STATUS_NOT_FOUND, "No worker for task queue '" + taskQueue + "'"
				+ (main ? "" : " in namespace " + alias) + ". Configured task queues: "
				+ workers(alias).stream().map(RegisteredWorker::taskQueue).toList() + ".");
	}

	private static WebEndpointResponse<Object> error(int status, String message) {
		return new WebEndpointResponse<>(Map.of("status", status, "error", message), status);
	}

	private WorkerDescriptor describe(RegisteredWorker worker) {
		TemporalWorkerStates workerStates = this.states.getIfAvailable();
		String state = (workerStates != null) ? lower(workerStates.stateOf(worker)) : null;
		int inFlight = (workerStates != null) ? workerStates.activitiesInFlight(worker) : 0;
		Worker sdkWorker = worker.worker();
		return new WorkerDescriptor(state, worker.disabledBy(), sdkWorker != null && sdkWorker.isSuspended(), inFlight,
				(sdkWorker != null) ? options(sdkWorker.getWorkerOptions()) : null,
				implementations(worker, ImplementationKind.WORKFLOW), implementations(worker, ImplementationKind.ACTIVITY),
				implementations(worker, ImplementationKind.NEXUS_SERVICE), worker.plugins());
	}

	private OptionsDescriptor options(WorkerOptions options) {
		return new OptionsDescriptor(options.getMaxConcurrentWorkflowTaskExecutionSize(),
				options.getMaxConcurrentActivityExecutionSize(), options.getMaxConcurrentLocalActivityExecutionSize(),
				options.getMaxConcurrentWorkflowTaskPollers(), options.getMaxConcurrentActivityTaskPollers(),
				options.getMaxWorkerActivitiesPerSecond(), options.getMaxTaskQueueActivitiesPerSecond(),
				(options.getIdentity() != null) ? options.getIdentity() : this.clientIdentity,
				deployment(options.getDeploymentOptions()));
	}

	private static @Nullable DeploymentDescriptor deployment(@Nullable WorkerDeploymentOptions deployment) {
		if (deployment == null || deployment.getVersion() == null) {
			return null;
		}
		return new DeploymentDescriptor(deployment.getVersion().getDeploymentName(),
				deployment.getVersion().getBuildId(), deployment.isUsingVersioning(),
				deployment.getDefaultVersioningBehavior().name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	private List<ImplementationDescriptor> implementations(RegisteredWorker worker, ImplementationKind kind) {
		List<String> typeNames = switch (kind) {
			case WORKFLOW -> worker.workflowTypes();
			case ACTIVITY -> worker.activityTypes();
			case NEXUS_SERVICE -> worker.nexusServices();
		};
		if (worker.implementations().isEmpty()) {
			// a worker built without its beans (a registry of the application's own): the types alone
			return typeNames.stream().map((type) -> new ImplementationDescriptor(type, null, null, null, null)).toList();
		}
		return worker.implementations()
			.stream()
			.filter((implementation) -> implementation.kind() == kind)
			.flatMap((implementation) -> implementation.typeNames()
				.stream()
				.map((type) -> new ImplementationDescriptor(type,
						implementation.isFromPlugin() ? null : implementation.beanName(), className(implementation),
						(kind == ImplementationKind.WORKFLOW)
								? this.determinism.apply(ClassUtils.getUserClass(implementation.type())) : null,
						implementation.plugin())))
			.toList();
	}

	private static String className(TemporalImplementation implementation) {
		return ClassUtils.getUserClass(implementation.type()).getName();
	}

	private static String lower(WorkerState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

}
