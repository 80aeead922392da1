package io.github.workerstarter.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;


/**
 * Connection and worker settings, bound from {@code temporal.*}.
 *
 * @param target Where the Temporal frontend is: host:port, or 'embedded' for an in-process server (needs
 * io.temporal:temporal-test-server on the classpath). Required unless the application defines its own
 * WorkflowServiceStubs bean.
 * @param namespace Temporal namespace the client and the workers use.
 * @param connection Connection settings: API key, TLS and SSL bundle, server name, keep-alive, RPC timeout, client
 * identity.
 * @param defaultTaskQueue Task queue for @WorkflowImpl, @ActivityImpl and @NexusServiceImpl beans that name none.
 * When unset and exactly one queue is configured, that queue is the default.
 * @param workerDefaults Options applied to every worker unless the worker's own entry overrides them.
 * @param workers One worker per entry, keyed by task queue name (or by a name of your choice, with the queue in
 * task-queue).
 * @param activities Options per activity type (the key), applied to activity calls from this application's
 * workflows: timeouts, task queue and retry policy.
 * @param activityDefaults Options for every activity type, used by the activity stubs this application's workflows
 * create without ActivityOptions (Workflow.newActivityStub(Class)); temporal.activities.(type) merges over them
 * field by field. One line, start-to-close-timeout, gives every such stub a timeout.
 * @param failFast Whether startup fails when the server cannot be reached. When false, the application starts, the
 * workers connect in the background with backoff and health reports DOWN until they do.
 * @param connectTimeout How long the startup check waits for the server before counting it unreachable.
 * @param failOnUnknownProperties Whether startup fails on a temporal.* property that the starter does not know
 * (a typo would otherwise be ignored silently). Environment variables are not checked.
 * @param workflowCache Cache of running workflows shared by all workers (sticky execution), and the threads they
 * run on.
 * @param health Health indicator settings.
 * @param shutdown How workers stop when the application context closes.
 * @param namespaces Further namespaces, keyed by an alias: their names and, optionally, their own connections. A
 * worker entry with namespace: (alias) runs in that namespace; beans of that alias are injected with
 * @Qualifier("(alias)"). The main namespace (temporal.namespace) has the alias main.
 * @param startWorkers Whether this application runs workers at all. false keeps the WorkflowClient and
 * ScheduleClient (an API tier built from the same jar) and still checks the annotated beans against
 * temporal.workers, but builds no worker and never polls; health, metrics and /actuator/temporal show every worker
 * as disabled.
 * @param envConfig A Temporal environment configuration profile (the temporal.toml and TEMPORAL_* environment
 * variables of the Temporal CLI) as a further source of connection settings. Precedence: temporal.* properties, then
 * the profile, then the SDK's defaults.
 * @param payloads Limits on the size of payloads the client and the workers send.
 * @param client Bounds on the calls of the application's WorkflowClient.
 * @param pollers How many pollers workers get when their own poller settings (workflow-pollers, activity-pollers,
 * *-poller-autoscaling) are unset.
 */
@ConfigurationProperties("temporal")
public record TemporalProperties(@Nullable String target, @DefaultValue("default") String namespace,
		@DefaultValue Connection connection,
		@Nullable String defaultTaskQueue, @DefaultValue @NestedConfigurationProperty WorkerProperties workerDefaults,
		@Nullable Map<String, WorkerProperties> workers, @Nullable Map<String, ActivityProperties> activities,
		@Nullable @NestedConfigurationProperty ActivityProperties activityDefaults,
		@DefaultValue("false") boolean failFast,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("true") boolean failOnUnknownProperties,
		@DefaultValue WorkflowCache workflowCache, @DefaultValue Health health, @DefaultValue Shutdown shutdown,
		@DefaultValue EnvConfig envConfig, @DefaultValue("true") boolean startWorkers, @DefaultValue Payloads payloads,
		@DefaultValue Client client, @Nullable Map<String, NamespaceProperties> namespaces,
		@DefaultValue Pollers pollers) {

	/** Value of {@code temporal.target} that starts the in-process server. */
	public static final String EMBEDDED_TARGET = "embedded";

	public TemporalProperties {
		workers = (workers != null) ? new LinkedHashMap<>(workers) : new LinkedHashMap<>();
		activities = (activities != null) ? Map.copyOf(activities) : Map.of();
		namespaces = (namespaces != null) ? new LinkedHashMap<>(namespaces) : new LinkedHashMap<>();
		ConnectionPropertiesValidator.validateConnection(target, connection);
		PropertiesValidator.validateNamespaces(target, namespaces, workers);
		ConnectionPropertiesValidator.validateEnvConfig(target, envConfig);
		PropertiesValidator.validate(namespace, connectTimeout, workflowCache, health, shutdown, workerDefaults, workers);
		PropertiesValidator.validateDefaultTaskQueue(defaultTaskQueue, entries(workers, workerDefaults));
		PropertiesValidator.validatePayloadsAndClient(payloads, client);
		PropertiesValidator.validatePollers(pollers);
	}

	@Override
	public Map<String, WorkerProperties> workers() {
		return Collections.unmodifiableMap(this.workers);
	}

	@Override
	public Map<String, NamespaceProperties> namespaces() {
		return Collections.unmodifiableMap(this.namespaces);
	}

	/**
	 * Every {@code temporal.workers} entry, resolved, in configuration order.
	 * @return the entries with namespace alias, task queue and defaults filled in
	 */
	public List<WorkerEntry> workerEntries() {
		return entries(this.workers, this.workerDefaults);
	}

	private static List<WorkerEntry> entries(Map<String, WorkerProperties> workers, WorkerProperties defaults) {
		List<WorkerEntry> entries = new ArrayList<>();
		workers.forEach((name, worker) -> entries.add(new WorkerEntry(name, namespaceOf(worker), taskQueueOf(name, worker),
				worker.withDefaults(defaults))));
		return entries;
	}

	static String namespaceOf(WorkerProperties worker) {
		return (worker.namespace() != null) ? worker.namespace().trim() : NamespaceProperties.MAIN;
	}

	/**
	 * Whether the target names the in-process server.
	 * @return true for {@code temporal.target=embedded}
	 */
	public boolean isEmbedded() {
		return EMBEDDED_TARGET.equalsIgnoreCase(this.target);
	}

	/**
	 * The main namespace's workers keyed by the task queue they poll ({@code task-queue}, or the entry's key), each
	 * with {@link #workerDefaults()} filled in, in configuration order.
	 * @return effective worker options by task queue
	 */
	public Map<String, WorkerProperties> workersByTaskQueue() {
		Map<String, WorkerProperties> byQueue = new LinkedHashMap<>();
		workerEntries().stream()
			.filter(WorkerEntry::isMain)
			.forEach((entry) -> byQueue.put(entry.taskQueue(), entry.properties()));
		return byQueue;
	}

	static String taskQueueOf(String entry, WorkerProperties worker) {
		return (worker.taskQueue() != null) ? worker.taskQueue().trim() : entry;
	}


	/**
	 * Connection settings.
	 *
	 * @param apiKey API key sent as a bearer token with every call (Temporal Cloud). Never logged or shown.
	 * @param tls Whether the connection uses TLS. Default: true when an API key or an SSL bundle is set, false
	 * otherwise.
	 * @param allowPlaintextApiKey Whether an API key may be sent over a connection without TLS (never do this
	 * outside a test).
	 * @param rpcTimeout Timeout of ordinary calls to the server. SDK default 10s.
	 * @param identity Identity of the client (and of workers without their own). SDK default: pid@host.
	 * @param sslBundle Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) whose trust material checks the
	 * server's certificate and whose key, if any, is the client certificate for mutual TLS. Implies TLS. When the
	 * bundle reloads (reload-on-update), connections opened from then on use the new certificates; calls in flight
	 * finish on the current connection.
	 * @param serverName Host name expected in the server's certificate and sent as TLS SNI and gRPC authority,
	 * instead of the host of temporal.target (for a target given as an IP address or reached through a proxy).
	 * @param keepAlive HTTP/2 keep-alive pings on the gRPC connection, which find a dead connection (for example
	 * one dropped by a load balancer) before a call does.
	 */
	public record Connection(@Nullable String apiKey, @Nullable Boolean tls,
			@DefaultValue("false") boolean allowPlaintextApiKey, @Nullable Duration rpcTimeout,
			@Nullable String identity, @Nullable String sslBundle, @Nullable String serverName,
			@DefaultValue KeepAlive keepAlive) {

		/**
		 * Whether the connection uses TLS, after the default: on with an SSL bundle or an API key.
		 * @return true for TLS
		 */
		public boolean usesTls() {
			return (this.tls != null) ? this.tls : (this.apiKey != null || this.sslBundle != null);
		}

		@Override
		public String toString() {
			// the API key must never reach a log line, an exception message or a debugger's quick view
			return "Connection[apiKey=" + ((this.apiKey != null) ? "******" : null) + ", tls=" + this.tls
					+ ", allowPlaintextApiKey=" + this.allowPlaintextApiKey + ", rpcTimeout=" + this.rpcTimeout
					+ ", identity=" + this.identity + ", sslBundle=" + this.sslBundle + ", serverName="
					+ this.serverName + ", keepAlive=" + this.keepAlive + "]";
		}

	}

	/**
	 * HTTP/2 keep-alive of the gRPC connection. Unset values keep the SDK's defaults.
	 *
	 * @param enabled Whether keep-alive pings are sent. SDK default true.
	 * @param time Idle time after which a ping is sent. SDK default 30s; gRPC raises values below 10s to 10s.
	 * @param timeout How long to wait for the ping's answer before the connection counts as dead. SDK default 15s.
	 * @param permitWithoutStream Whether pings are also sent while no call is in progress. SDK default true.
	 */
	public record KeepAlive(@Nullable Boolean enabled, @Nullable Duration time, @Nullable Duration timeout,
			@Nullable Boolean permitWithoutStream) {
	}

	/**
	 * Temporal's environment configuration (io.temporal:temporal-envconfig) as a source of connection settings.
	 *
	 * @param enabled Whether to read a profile of the Temporal CLI's configuration: the temporal.toml file and the
	 * TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_* and TEMPORAL_GRPC_META_* environment
	 * variables. The profile's address, namespace, API key, TLS files and server name are used where the matching
	 * temporal.* property (target, namespace, connection.api-key, connection.tls, connection.ssl-bundle,
	 * connection.server-name) is not set; unset in both, the SDK's defaults apply, except that an address is
	 * required. Needs
	 * io.temporal:temporal-envconfig. Default false, so a file in the user's home or a leftover environment
	 * variable never redirects an application that did not ask for it.
	 * @param profile Profile to read. Default: the TEMPORAL_PROFILE environment variable, else 'default' (which may
	 * be absent, leaving the environment variables only). A profile named here must exist in the file.
	 * @param file Path of the temporal.toml file; must exist when set. Default: the Temporal CLI's
	 * (TEMPORAL_CONFIG_FILE, else ~/.config/temporalio/temporal.toml on Linux).
	 */
	public record EnvConfig(@DefaultValue("false") boolean enabled, @Nullable String profile, @Nullable String file) {
	}

	/**
	 * Cache of running workflows, shared by all workers of the factory.
	 *
	 * @param maxInstances Workflows kept in the cache. SDK default 600.
	 * @param maxThreads Threads for cached workflows. SDK default 600. Ignored with virtual-threads.
	 * @param virtualThreads Whether workflow code runs on virtual threads (Java 21+), which hold no OS thread while a
	 * cached workflow waits. Default: the same as temporal.worker-defaults.virtual-threads (true on Java 24 and later
	 * unless spring.threads.virtual.enabled=false). SDK default false.
	 */
	public record WorkflowCache(@Nullable Integer maxInstances, @Nullable Integer maxThreads,
			@Nullable Boolean virtualThreads) {
	}

	/**
	 * Poller defaults for workers whose own poller settings (workflow-pollers, activity-pollers and the
	 * *-poller-autoscaling groups, in the worker's entry or in worker-defaults) are unset. A WorkerOptionsCustomizer
	 * that sets pollers wins over both.
	 *
	 * @param autoscaling Whether such workers poll with the SDK's poller autoscaling (pollers follow the server's
	 * scaling hints, 1 to 100, starting at 5) where the namespace advertises it (the poller_autoscaling or
	 * poller_autoscaling_auto_enroll capability, read at startup). SDK default: autoscaling only where the namespace
	 * asks for auto-enrollment (poller_autoscaling_auto_enroll), fixed counts elsewhere.
	 * @param budget Elsewhere (the namespace does not advertise autoscaling, or did not answer at startup), the
	 * workflow pollers, and separately the activity pollers, that the workers of one namespace share: each worker
	 * polling that kind gets the budget divided by their number, at least 2 workflow pollers (the SDK's minimum) and
	 * 1 activity poller, at most the SDK's 5. One or two queues keep the SDK's 5 and 5; ten queues and more get 2 and 1.
	 * 0 gives every worker the SDK's 5 and 5. SDK default: 5 and 5 per worker, whatever the number of
	 * workers.
	 */
	public record Pollers(@DefaultValue("true") boolean autoscaling, @DefaultValue("10") int budget) {
	}

	/**
	 * Health indicator settings (the indicator itself is switched by management.health.temporal.enabled).
	 *
	 * @param timeout How long the health check waits for the server; a dead server answers DOWN after this, never
	 * blocking the health endpoint for longer.
	 * @param readiness Whether the temporal health contributor is part of the readiness probe group.
	 */
	public record Health(@DefaultValue("1s") Duration timeout, @DefaultValue("true") boolean readiness) {
	}

	/**
	 * Stopping behaviour.
	 *
	 * @param drainTimeout How long in-flight workflow and activity tasks may run after polling stops before they
	 * are interrupted. Must be shorter than spring.lifecycle.timeout-per-shutdown-phase; when unset, that timeout
	 * minus 5 seconds (25s with Spring's default of 30s).
	 * @param allowActivityHeartbeats Whether activities may keep heart-beating while the worker drains. When false,
	 * the SDK fails a heartbeat during shutdown, so a long activity that heartbeats is failed and retried instead of
	 * finishing.
	 * @param stickyQueueDrainTimeout How long a draining worker keeps polling its sticky queue, so workflow tasks
	 * that follow activities finishing during the drain still run on this instance and the workflows move on. Zero
	 * (the SDK default) stops all polling at once; a real Temporal server then hands those tasks to other workers
	 * after the sticky schedule-to-start timeout. A non-zero value makes every shutdown last at least this long.
	 * @param pollReturnTimeout How long a drain lets the polls waiting on the server come back before the SDK cancels
	 * the rest. Against a server without graceful poll shutdown (the SDK's test server, a Temporal server that does
	 * not advertise the worker_poll_complete_on_shutdown capability) the SDK cancels them at once, and a task handed
	 * to one at that instant is lost until its timeout; suspending polling first lets each come back with what it was
	 * given, and the task runs here. Not applied with the embedded server, with a sticky-queue drain (which needs
	 * polling to go on), or when the server completes polls itself; at most half the drain timeout. Zero cancels at
	 * once, as the SDK does.
	 */
	public record Shutdown(@Nullable Duration drainTimeout, @DefaultValue("true") boolean allowActivityHeartbeats,
			@DefaultValue("0s") Duration stickyQueueDrainTimeout, @DefaultValue("500ms") Duration pollReturnTimeout) {
	}

	/**
	 * Payload size limits, checked in the data converter, so the client, workflows and activities all apply them.
	 *
	 * @param maxSize Largest payload the client and the workers send: the arguments of one call or one result, as
	 * serialized (after codecs), measured as the server measures it. A larger one fails at once with a
	 * non-retryable ApplicationFailure of type PayloadSizeLimitExceeded, naming the size and the limit, instead of
	 * being refused by the server (and retried). Default: the Temporal server's limit.blobSize.error, 2MB; raise it
	 * together with the server's limit (the server's gRPC messages are limited to 4MB).
	 * @param warnSize Payload size above which a WARN names the size, the limit and where the payload was going.
	 * Default: the Temporal server's limit.blobSize.warn, 512KB.
	 */
	public record Payloads(@DefaultValue("2MB") DataSize maxSize, @DefaultValue("512KB") DataSize warnSize) {
	}

	/**
	 * Bounds on the calls of the application's WorkflowClient.
	 *
	 * @param callTimeout Upper bound on each call of the application's WorkflowClient that does not wait for a
	 * workflow (start, signal, signal-with-start, query, describe, cancel, terminate), retries included. When it
	 * passes, or at once while the connection to the server is down, the call fails with
	 * TemporalUnavailableException (a query past it fails with the SDK's exception: its workflow's worker did not
	 * answer). Unset: the SDK's own bounds (while the server is unreachable a call is retried for up to a minute).
	 * Waiting for a workflow's result and updates are not bounded by it.
	 */
	public record Client(@Nullable Duration callTimeout) {
	}

}
