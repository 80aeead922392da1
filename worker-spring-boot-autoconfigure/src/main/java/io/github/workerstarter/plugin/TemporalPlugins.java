package io.github.workerstarter.plugin;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.registration.ImplementationKind;
import io.github.workerstarter.registration.PluginImplementation;
import io.temporal.client.WorkflowClientPlugin;
import io.temporal.client.schedules.ScheduleClientPlugin;
import io.temporal.common.SimplePlugin;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;
import io.temporal.worker.WorkerPlugin;

/**
 * The application's Temporal SDK plugin beans, in {@code @Order}, and where each goes. As in the official starter, a
 * plugin is applied once, at the highest level it fits, and the SDK passes it down from there: a
 * {@link WorkflowServiceStubsPlugin} (a {@link SimplePlugin} is one) on the gRPC service stubs, from which the SDK
 * hands it to every client built on them and on to their worker factories; a {@link WorkflowClientPlugin} that is not
 * on the stubs on the workflow client (and so on its worker factory); a {@link ScheduleClientPlugin} on the schedule
 * client; a {@link WorkerPlugin} that no client carries on the worker factory. That holds in every namespace, for the
 * starter's connections and for the test module's environment; {@code @PluginNamespaces} limits a plugin to some.
 * Stubs shared by several namespaces take only the plugins that apply to all of them: the others go one level down.
 */
public class TemporalPlugins implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(TemporalPlugins.class);

	/** The levels, highest first, as the log and the endpoint name them. */
	public static final String SERVICE_STUBS = "service stubs";

	public static final String WORKFLOW_CLIENT = "workflow client";

	public static final String SCHEDULE_CLIENT = "schedule client";

	public static final String WORKER_FACTORY = "worker factory";

	private final List<PluginBean> plugins;

	// per plugin (by identity), per namespace alias: the highest level the starter put it on
	private final Map<PluginBean, Map<String, String>> placements = new LinkedHashMap<>();

	/**
	 * @param plugins the plugin beans, in the order they apply
	 */
	public TemporalPlugins(List<PluginBean> plugins) {
		this.plugins = List.copyOf(plugins);
		this.plugins.forEach((plugin) -> this.placements.put(plugin, new LinkedHashMap<>()));
	}

	/**
	 * No plugins: what a connection built without the application's beans gets.
	 * @return an empty set of plugins
	 */
	public static TemporalPlugins none() {
		return new TemporalPlugins(List.of());
	}

	/**
	 * The plugin beans of an application, in order (see {@link PluginBeans}).
	 * @param beanFactory where the beans are
	 * @param placeholders resolves placeholders in {@code @PluginNamespaces}
	 * @param aliases the namespace aliases that exist, {@code main} first
	 * @return the plugins
	 * @throws WorkerConfigurationException when {@code @PluginNamespaces} names an unknown alias
	 */
	public static TemporalPlugins find(ConfigurableListableBeanFactory beanFactory, PropertyResolver placeholders,
			Collection<String> aliases) {
		return new TemporalPlugins(PluginBeans.find(beanFactory, placeholders, aliases));
	}

	/**
	 * The namespaces that share the main connection: the main one and every further namespace without a connection
	 * of its own.
	 * @param properties the starter's properties
	 * @return their aliases, {@code main} first
	 */
	public static List<String> sharingMainConnection(TemporalProperties properties) {
		List<String> aliases = new ArrayList<>(List.of(NamespaceProperties.MAIN));
		properties.namespaces().forEach((alias, namespace) -> {
			if (!namespace.hasOwnConnection()) {
				aliases.add(alias);
			}
		});
		return aliases;
	}

	/**
	 * Every plugin bean, in order.
	 * @return the plugins
	 */
	public List<PluginBean> all() {
		return this.plugins;
	}

	/**
	 * The plugins for gRPC service stubs: the stubs plugins that apply to every namespace using these stubs.
	 * @param aliases the namespaces that use the stubs
	 * @return the plugins, in order
	 * @throws WorkerConfigurationException for a plugin that configures the stubs but is limited to some of the
	 * namespaces sharing them
	 */
	public synchronized WorkflowServiceStubsPlugin[] forServiceStubs(Collection<String> aliases) {
		List<WorkflowServiceStubsPlugin> result = new ArrayList<>();
		for (PluginBean plugin : this.plugins) {
			if (!(plugin.plugin() instanceof WorkflowServiceStubsPlugin stubsPlugin)) {
				continue;
			}
			List<String> applying = aliases.stream().filter(plugin::appliesTo).toList();
			if (applying.size() == aliases.size()) {
				result.add(stubsPlugin);
				aliases.forEach((alias) -> place(plugin, alias, SERVICE_STUBS));
			}
			else if (!applying.isEmpty() && configuresServiceStubs(plugin.plugin())) {
				throw sharedStubs(plugin, aliases, applying);
			}
		}
		return result.toArray(WorkflowServiceStubsPlugin[]::new);
	}

	/**
	 * The plugins to set on a namespace's workflow client: those that apply to it and that its stubs do not already
	 * pass on.
	 * @param alias the namespace's alias
	 * @param onStubs the plugins of the stubs the client uses
	 * @return the plugins, in order
	 */
	public synchronized WorkflowClientPlugin[] forWorkflowClient(String alias,
			WorkflowServiceStubsPlugin @Nullable [] onStubs) {
		List<WorkflowClientPlugin> result = new ArrayList<>();
		for (PluginBean plugin : this.plugins) {
			if (plugin.plugin() instanceof WorkflowClientPlugin clientPlugin && plugin.appliesTo(alias)
					&& !contains(onStubs, plugin.plugin())) {
				result.add(clientPlugin);
				place(plugin, alias, WORKFLOW_CLIENT);
			}
		}
		return result.toArray(WorkflowClientPlugin[]::new);
	}

	/**
	 * The plugins to set on a namespace's schedule client: those that apply to it and that its stubs do not already
	 * pass on.
	 * @param alias the namespace's alias
	 * @param onStubs the plugins of the stubs the client uses
	 * @return the plugins, in order
	 */
	public synchronized ScheduleClientPlugin[] forScheduleClient(String alias,
			WorkflowServiceStubsPlugin @Nullable [] onStubs) {
		List<ScheduleClientPlugin> result = new ArrayList<>();
		for (PluginBean plugin : this.plugins) {
			if (plugin.plugin() instanceof ScheduleClientPlugin schedulePlugin && plugin.appliesTo(alias)
					&& !contains(onStubs, plugin.plugin())) {
				result.add(schedulePlugin);
				place(plugin, alias, SCHEDULE_CLIENT);
			}
		}
		return result.toArray(ScheduleClientPlugin[]::new);
	}

	/**
	 * The plugins to set on a namespace's worker factory: the worker plugins that apply to it and that its client does
	 * not already pass on.
	 * @param alias the namespace's alias
	 * @param onClient the plugins of the factory's client ({@code client.getOptions().getPlugins()})
	 * @return the plugins, in order
	 */
	public synchronized WorkerPlugin[] forWorkerFactory(String alias, WorkflowClientPlugin @Nullable [] onClient) {
		List<WorkerPlugin> result = new ArrayList<>();
		for (PluginBean plugin : this.plugins) {
			if (plugin.plugin() instanceof WorkerPlugin workerPlugin && plugin.appliesTo(alias)
					&& !contains(onClient, plugin.plugin())) {
				result.add(workerPlugin);
				place(plugin, alias, WORKER_FACTORY);
			}
		}
		return result.toArray(WorkerPlugin[]::new);
	}

	/**
	 * The plugins a client gets from its stubs and its options, in the SDK's order (from the stubs first).
	 * @param stubs the stubs' options
	 * @param explicit the plugins set on the client's options
	 * @return what {@code client.getOptions().getPlugins()} will hold
	 */
	public static WorkflowClientPlugin[] clientPlugins(WorkflowServiceStubsOptions stubs,
			WorkflowClientPlugin @Nullable [] explicit) {
		List<WorkflowClientPlugin> result = new ArrayList<>();
		if (stubs.getPlugins() != null) {
			Arrays.stream(stubs.getPlugins())
				.filter(WorkflowClientPlugin.class::isInstance)
				.map(WorkflowClientPlugin.class::cast)
				.forEach(result::add);
		}
		if (explicit != null) {
			Arrays.stream(explicit).filter((plugin) -> !result.contains(plugin)).forEach(result::add);
		}
		return result.toArray(WorkflowClientPlugin[]::new);
	}

	/**
	 * The plugins the workers of a namespace run with, in the SDK's order: those the client passes on, then those set
	 * on the factory (as {@link #forWorkerFactory} chose them).
	 * @param alias the namespace's alias
	 * @param onClient the plugins of the factory's client
	 * @return the plugins
	 */
	public List<PluginBean> onWorkers(String alias, WorkflowClientPlugin @Nullable [] onClient) {
		List<PluginBean> result = new ArrayList<>();
		if (onClient != null) {
			Arrays.stream(onClient).filter(WorkerPlugin.class::isInstance).forEach((plugin) -> result.add(bean(plugin)));
		}
		Arrays.stream(forWorkerFactory(alias, onClient)).forEach((plugin) -> result.add(bean(plugin)));
		return result;
	}

	/**
	 * The implementations that plugins register themselves on the workers of each namespace.
	 * @param onWorkers the plugins on the workers of each namespace, by alias
	 * @return what each registers and in which namespaces
	 */
	public static List<PluginImplementation> implementations(Map<String, List<PluginBean>> onWorkers) {
		Map<Object, List<String>> namespaces = new LinkedHashMap<>();
		Map<Object, PluginBean> byPlugin = new LinkedHashMap<>();
		onWorkers.forEach((alias, plugins) -> plugins.forEach((plugin) -> {
			byPlugin.putIfAbsent(plugin.plugin(), plugin);
			namespaces.computeIfAbsent(plugin.plugin(), (key) -> new ArrayList<>()).add(alias);
		}));
		List<PluginImplementation> result = new ArrayList<>();
		byPlugin.forEach((key, plugin) -> {
			PluginRegistrations registrations = PluginRegistrations.of(key);
			List<String> in = List.copyOf(namespaces.get(key));
			registrations.workflowTypes().forEach((type) -> result.add(new PluginImplementation(plugin.name(),
					plugin.beanName(), ImplementationKind.WORKFLOW, type, in)));
			registrations.activities().forEach((activity) -> result.add(new PluginImplementation(plugin.name(),
					plugin.beanName(), ImplementationKind.ACTIVITY, activity.getClass(), in)));
			registrations.nexusServices().forEach((service) -> result.add(new PluginImplementation(plugin.name(),
					plugin.beanName(), ImplementationKind.NEXUS_SERVICE, service.getClass(), in)));
		});
		return result;
	}

	/**
	 * Where each plugin bean was applied, for the endpoint: per namespace alias, the level.
	 * @return the plugins in order, each with its namespaces and levels (empty when it applied nowhere)
	 */
	public synchronized Map<PluginBean, Map<String, String>> placements() {
		Map<PluginBean, Map<String, String>> copy = new LinkedHashMap<>();
		this.placements.forEach((plugin, levels) -> copy.put(plugin, Map.copyOf(new LinkedHashMap<>(levels))));
		return copy;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.plugins.isEmpty() && logger.isInfoEnabled()) {
			logger.info("Temporal plugins, in order: " + describePlacements());
		}
	}

	synchronized String describePlacements() {
		List<String> lines = new ArrayList<>();
		for (PluginBean plugin : this.plugins) {
			Map<String, List<String>> byLevel = new LinkedHashMap<>();
			this.placements.get(plugin)
				.forEach((alias, level) -> byLevel.computeIfAbsent(level, (key) -> new ArrayList<>()).add(alias));
			String where = byLevel.isEmpty() ? "not applied (no namespace it is limited to uses the starter's clients)"
					: byLevel.entrySet()
						.stream()
						.map((entry) -> "on the " + entry.getKey() + " of " + namespaces(entry.getValue()))
						.collect(Collectors.joining(", "));
			lines.add(plugin.describe() + " " + plugin.kinds() + " " + where);
		}
		return String.join("; ", lines);
	}

	private static String namespaces(List<String> aliases) {
		return (aliases.size() == 1) ? "namespace " + aliases.get(0) : "namespaces " + aliases;
	}

	private void place(PluginBean plugin, String alias, String level) {
		Map<String, String> levels = this.placements.get(plugin);
		if (levels != null) {
			levels.putIfAbsent(alias, level);
		}
	}

	private PluginBean bean(Object plugin) {
		return this.plugins.stream()
			.filter((candidate) -> candidate.plugin() == plugin)
			.findFirst()
			.orElseGet(() -> PluginBean.notABean(plugin));
	}

	private static boolean contains(Object @Nullable [] plugins, Object plugin) {
		return plugins != null && Arrays.stream(plugins).anyMatch((candidate) -> candidate == plugin);
	}

	/**
	 * Whether a stubs plugin does anything to the stubs. A {@link SimplePlugin} does only if its class overrides
	 * {@code configureServiceStubs} or {@code connectServiceClient}; the builder's plugins do not.
	 */
	static boolean configuresServiceStubs(Object plugin) {
		if (!(plugin instanceof WorkflowClientPlugin)) {
			return true;
		}
		if (!(plugin instanceof SimplePlugin)) {
			return true;
		}
		return declaredBelowSimplePlugin(plugin.getClass(), "configureServiceStubs",
				WorkflowServiceStubsOptions.Builder.class)
				|| declaredBelowSimplePlugin(plugin.getClass(), "connectServiceClient", WorkflowServiceStubsOptions.class,
						java.util.function.Supplier.class);
	}

	private static boolean declaredBelowSimplePlugin(Class<?> type, String name, Class<?>... parameters) {
		try {
			Method method = type.getMethod(name, parameters);
			return method.getDeclaringClass() != SimplePlugin.class;
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
	}

	private static WorkerConfigurationException sharedStubs(PluginBean plugin, Collection<String> sharing,
			List<String> applying) {
		List<String> others = sharing.stream().filter((alias) -> !applying.contains(alias)).toList();
		String own = applying.stream()
			.filter((alias) -> !NamespaceProperties.MAIN.equals(alias))
			.map((alias) -> "temporal.namespaces." + alias)
			.collect(Collectors.joining(", "));
		return new WorkerConfigurationException(StringUtils.capitalize(plugin.describe()) + " is limited to "
				+ namespaces(applying) + " (@PluginNamespaces) and configures the gRPC service stubs, but namespaces "
				+ sharing + " share one connection: on it the plugin would reach " + others + " too.",
				"Give " + (own.isEmpty() ? "the other namespaces" : own) + " a connection of its own (target, "
						+ "connection.* or env-config.*), limit the plugin to all of " + sharing
						+ ", or remove @PluginNamespaces.");
	}

}
