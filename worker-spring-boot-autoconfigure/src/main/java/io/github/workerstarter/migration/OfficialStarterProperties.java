package io.github.workerstarter.migration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * The properties of the official Temporal Spring Boot starter ({@code spring.temporal.*}, SDK 1.38) and what to
 * write instead in this starter. One table serves the startup report for leftover keys and the README's migration
 * table, so the two cannot disagree.
 */
public final class OfficialStarterProperties {

	/**
	 * One property (or group) of the official starter.
	 *
	 * @param pattern its name; {@code []} stands for a list index, a trailing {@code .*} for any key below
	 * @param replacement our property or properties, or null when there is no counterpart
	 * @param note how to move over, or why there is no counterpart
	 */
	public record Mapping(String pattern, @Nullable String replacement, String note) {

		// compared as relaxed binding compares names: startWorkers, start-workers and start_workers are one property
		boolean matches(String uniform) {
			String pattern = this.pattern.replace("-", "").toLowerCase(Locale.ROOT);
			if (pattern.endsWith(".*")) {
				return uniform.startsWith(pattern.substring(0, pattern.length() - 1));
			}
			return uniform.equals(pattern);
		}

	}

	private static final String WORKER = "temporal.workers.<task-queue>.";

	private static final String CAPACITY = "spring.temporal.workers[].capacity.";

	private static final String AUTOSCALING = "-task-pollers-configuration.poller-behavior-autoscaling.";

	private static final String VIRTUAL = "spring.temporal.workers[].virtual-threads.";

	private static final String DEPLOYMENT = "spring.temporal.workers[].deployment-properties.";

	private static final String NO_PER_KIND_VIRTUAL = "one switch per worker: virtual-threads covers every task kind";

	/** Every known property of the official starter, in the order of its documentation. */
	public static final List<Mapping> MAPPINGS = List.of(
			new Mapping("spring.temporal.namespace", "temporal.namespace", ""),
			new Mapping("spring.temporal.connection.target", "temporal.target",
					"`local` becomes `localhost:7233`; the SDK's in-memory test server is `embedded`"),
			new Mapping("spring.temporal.connection.enable-https", "temporal.connection.tls",
					"on by default with an API key or an SSL bundle, as there"),
			new Mapping("spring.temporal.connection.api-key", "temporal.connection.api-key", ""),
			new Mapping("spring.temporal.connection.mtls.key-file", "temporal.connection.ssl-bundle",
					"name a Spring Boot SSL bundle: `spring.ssl.bundle.pem.<name>.keystore.private-key`"),
			new Mapping("spring.temporal.connection.mtls.cert-chain-file", "temporal.connection.ssl-bundle",
					"`spring.ssl.bundle.pem.<name>.keystore.certificate`"),
			new Mapping("spring.temporal.connection.mtls.key", "temporal.connection.ssl-bundle",
					"a PEM bundle takes the key inline too: `spring.ssl.bundle.pem.<name>.keystore.private-key`"),
			new Mapping("spring.temporal.connection.mtls.cert-chain", "temporal.connection.ssl-bundle",
					"`spring.ssl.bundle.pem.<name>.keystore.certificate`"),
			new Mapping("spring.temporal.connection.mtls.key-password", "temporal.connection.ssl-bundle",
					"`spring.ssl.bundle.pem.<name>.keystore.private-key-password` (or a JKS/PKCS12 bundle's `keystore.password`)"),
			new Mapping("spring.temporal.connection.mtls.pkcs", "temporal.connection.ssl-bundle",
					"PKCS12 files go in a `spring.ssl.bundle.jks.<name>` bundle (`keystore.type: PKCS12`)"),
			new Mapping("spring.temporal.connection.mtls.server-name", "temporal.connection.server-name", ""),
			new Mapping("spring.temporal.connection.mtls.insecure-trust-manager", null,
					"refused on purpose: put the server's CA in the bundle's truststore instead of trusting any certificate"),
			new Mapping("spring.temporal.start-workers", "temporal.start-workers",
					"false keeps the clients and builds no worker; there is no later manual start"),
			new Mapping("spring.temporal.ignore-duplicate-definitions", null,
					"a second implementation of one type on one queue always fails startup, naming both beans; the same "
							+ "bean named twice (annotation and yml) registers once"),
			new Mapping("spring.temporal.test-server.enabled", "temporal.target",
					"`embedded` runs the SDK's test server in-process, in real time; tests get time skipping from "
							+ "`worker-spring-boot-starter-test`"),
			new Mapping("spring.temporal.workflow-cache.max-instances", "temporal.workflow-cache.max-instances", ""),
			new Mapping("spring.temporal.workflow-cache.max-threads", "temporal.workflow-cache.max-threads", ""),
			new Mapping("spring.temporal.workflow-cache.using-virtual-workflow-threads",
					"temporal.workflow-cache.virtual-threads", "on by default from Java 24 (see README, Scaling)"),
			new Mapping("spring.temporal.workers-auto-discovery.enabled", null,
					"always on: `@WorkflowImpl`, `@ActivityImpl` and `@NexusServiceImpl` are components found by "
							+ "component scanning"),
			new Mapping("spring.temporal.workers-auto-discovery.workflow-packages", null,
					"component scanning's packages (those of `@SpringBootApplication`, or `@ComponentScan`)"),
			new Mapping("spring.temporal.workers-auto-discovery.packages", null,
					"component scanning's packages (those of `@SpringBootApplication`, or `@ComponentScan`)"),
			new Mapping("spring.temporal.workers-auto-discovery.register-activity-beans", null,
					"always on: every `@ActivityImpl` bean is registered"),
			new Mapping("spring.temporal.workers-auto-discovery.register-nexus-service-beans", null,
					"always on: every `@NexusServiceImpl` bean is registered"),
			new Mapping("spring.temporal.workers[].task-queue", "temporal.workers",
					"one map entry per queue: `temporal.workers.<task-queue>: {}`, or `task-queue` under an entry of "
							+ "your choice"),
			new Mapping("spring.temporal.workers[].name", "temporal.workers",
					"the entry's key is the name (`temporal.workers.<name>.task-queue`)"),
			new Mapping("spring.temporal.workers[].workflow-classes", WORKER + "workflow-beans",
					"annotate the class `@WorkflowImpl`, or declare a prototype `@Bean` and name it here"),
			new Mapping("spring.temporal.workers[].activity-beans", WORKER + "activity-beans", ""),
			new Mapping("spring.temporal.workers[].nexus-service-beans", WORKER + "nexus-service-beans", ""),
			new Mapping(CAPACITY + "max-concurrent-workflow-task-executors", WORKER + "max-concurrent-workflow-tasks", ""),
			new Mapping(CAPACITY + "max-concurrent-activity-executors", WORKER + "max-concurrent-activities", ""),
			new Mapping(CAPACITY + "max-concurrent-local-activity-executors", WORKER + "max-concurrent-local-activities", ""),
			new Mapping(CAPACITY + "max-concurrent-workflow-task-pollers", WORKER + "workflow-pollers",
					"unset: autoscaling where the server advertises it, else a share of `temporal.pollers.budget`"),
			new Mapping(CAPACITY + "max-concurrent-activity-task-pollers", WORKER + "activity-pollers",
					"unset: autoscaling where the server advertises it, else a share of `temporal.pollers.budget`"),
			new Mapping(CAPACITY + "max-concurrent-nexus-task-executors", null,
					"a `WorkerOptionsCustomizer` calling `setMaxConcurrentNexusExecutionSize`"),
			new Mapping(CAPACITY + "max-concurrent-nexus-task-pollers", null,
					"a `WorkerOptionsCustomizer` calling `setMaxConcurrentNexusTaskPollers`"),
			new Mapping(CAPACITY + "workflow" + AUTOSCALING + "*", WORKER + "workflow-poller-autoscaling.*",
					"`min`, `max`, `initial`; setting any of them turns autoscaling on"),
			new Mapping(CAPACITY + "activity" + AUTOSCALING + "*", WORKER + "activity-poller-autoscaling.*",
					"`min`, `max`, `initial`"),
			new Mapping(CAPACITY + "nexus" + AUTOSCALING + "*", null,
					"a `WorkerOptionsCustomizer` calling `setNexusTaskPollersBehavior`"),
			new Mapping("spring.temporal.workers[].rate-limits.max-worker-activities-per-second",
					WORKER + "max-activities-per-second", ""),
			new Mapping("spring.temporal.workers[].rate-limits.max-task-queue-activities-per-second",
					WORKER + "max-task-queue-activities-per-second", ""),
			new Mapping("spring.temporal.workers[].build-id.*", null,
					"the SDK deprecated Build-ID based versioning; use Worker Deployment Versioning (`deployment.*`)"),
			new Mapping(DEPLOYMENT + "use-versioning", WORKER + "deployment.use-versioning", ""),
			new Mapping(DEPLOYMENT + "default-versioning-behavior", WORKER + "deployment.default-versioning-behavior", ""),
			new Mapping(DEPLOYMENT + "deployment-name", WORKER + "deployment.name",
					"defaults to `spring.application.name`"),
			new Mapping(DEPLOYMENT + "build-id", WORKER + "deployment.build-id", "defaults to Boot's build info version"),
			new Mapping(DEPLOYMENT + "deployment-version", WORKER + "deployment.name",
					"deprecated there: give the name and the build id separately"),
			new Mapping(VIRTUAL + "using-virtual-threads", WORKER + "virtual-threads",
					"on by default from Java 24; on 21 to 23 defaults to `spring.threads.virtual.enabled`"),
			new Mapping(VIRTUAL + "using-virtual-threads-on-workflow-worker", WORKER + "virtual-threads", NO_PER_KIND_VIRTUAL),
			new Mapping(VIRTUAL + "using-virtual-threads-on-activity-worker", WORKER + "virtual-threads", NO_PER_KIND_VIRTUAL),
			new Mapping(VIRTUAL + "using-virtual-threads-on-local-activity-worker", WORKER + "virtual-threads",
					NO_PER_KIND_VIRTUAL),
			new Mapping(VIRTUAL + "using-virtual-threads-on-nexus-worker", WORKER + "virtual-threads", NO_PER_KIND_VIRTUAL),
			new Mapping("spring.temporal.namespaces[].alias", "temporal.namespaces",
					"the alias is the map key: `temporal.namespaces.<alias>`"),
			new Mapping("spring.temporal.namespaces[].namespace", "temporal.namespaces.<alias>.namespace", ""),
			new Mapping("spring.temporal.namespaces[].connection.target", "temporal.namespaces.<alias>.target",
					"defaults to `temporal.target`"),
			new Mapping("spring.temporal.namespaces[].connection.*", "temporal.namespaces.<alias>.connection.*",
					"as for the main connection (mTLS through an SSL bundle); nothing is inherited from it"),
			new Mapping("spring.temporal.namespaces[].workers[].*", "temporal.workers",
					"entries of the one `temporal.workers` map with `namespace: <alias>`"),
			new Mapping("spring.temporal.namespaces[].start-workers", "temporal.workers.<task-queue>.enabled",
					"per worker; `temporal.start-workers` for all"),
			new Mapping("spring.temporal.namespaces[].workflow-cache.*", "temporal.workflow-cache.*",
					"one setting for every namespace's factory"),
			new Mapping("spring.temporal.namespaces[].*", null,
					"see the README's \"Several namespaces\" for what a further namespace takes"));

	private OfficialStarterProperties() {
	}

	/**
	 * What to write instead of a property of the official starter.
	 * @param name a property name under {@code spring.temporal}, in any form relaxed binding accepts (dashed,
	 * camelCase as the official samples write it, underscores)
	 * @return the mapping, or empty for a name the official starter does not have either
	 */
	public static Optional<Mapping> find(ConfigurationPropertyName name) {
		String normalized = normalize(name);
		return MAPPINGS.stream().filter((mapping) -> mapping.matches(normalized)).findFirst();
	}

	// uniform form (lower case, letters and digits only, as relaxed binding compares), list indexes written as []
	static String normalize(ConfigurationPropertyName name) {
		StringBuilder normalized = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			if (name.isNumericIndex(i)) {
				normalized.append("[]");
			}
			else {
				normalized.append((i > 0) ? "." : "").append(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM));
			}
		}
		return normalized.toString();
	}

}
