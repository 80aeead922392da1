package io.github.workerstarter.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.temporal.client.WorkflowClientPlugin;
import io.temporal.client.schedules.ScheduleClientPlugin;
import io.temporal.common.SimplePlugin;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;
import io.temporal.worker.WorkerPlugin;

/**
 * One Temporal SDK plugin the application declares as a bean, or one that reached a client or worker factory some other
 * way (a customizer), with the namespaces it is limited to.
 *
 * @param beanName its bean name, or null for a plugin that is not a bean
 * @param plugin the plugin: a {@link WorkflowServiceStubsPlugin}, {@link WorkflowClientPlugin},
 * {@link ScheduleClientPlugin} or {@link WorkerPlugin} (a {@link SimplePlugin} is all four)
 * @param name the plugin's own name ({@code getName()})
 * @param namespaces the aliases it is limited to ({@code @PluginNamespaces}), or null for every namespace
 */
public record PluginBean(@Nullable String beanName, Object plugin, String name, @Nullable Set<String> namespaces) {

	/**
	 * A plugin that is not a bean, applying wherever it was set.
	 * @param plugin the plugin
	 * @return its description
	 */
	public static PluginBean notABean(Object plugin) {
		return new PluginBean(null, plugin, nameOf(plugin), null);
	}

	/**
	 * Whether the plugin applies in a namespace.
	 * @param alias {@code main} or a key of temporal.namespaces
	 * @return true unless {@code @PluginNamespaces} leaves the namespace out
	 */
	public boolean appliesTo(String alias) {
		return this.namespaces == null || this.namespaces.contains(alias);
	}

	/**
	 * The SDK plugin interfaces it implements, for the log and the endpoint.
	 * @return e.g. {@code [SimplePlugin]} or {@code [WorkflowClientPlugin, WorkerPlugin]}
	 */
	public List<String> kinds() {
		if (this.plugin instanceof SimplePlugin) {
			return List.of(SimplePlugin.class.getSimpleName());
		}
		List<String> kinds = new ArrayList<>();
		if (this.plugin instanceof WorkflowServiceStubsPlugin) {
			kinds.add(WorkflowServiceStubsPlugin.class.getSimpleName());
		}
		if (this.plugin instanceof WorkflowClientPlugin) {
			kinds.add(WorkflowClientPlugin.class.getSimpleName());
		}
		if (this.plugin instanceof ScheduleClientPlugin) {
			kinds.add(ScheduleClientPlugin.class.getSimpleName());
		}
		if (this.plugin instanceof WorkerPlugin) {
			kinds.add(WorkerPlugin.class.getSimpleName());
		}
		return kinds;
	}

	/**
	 * How messages name it.
	 * @return e.g. {@code plugin 'acme.audit' (bean 'auditPlugin')}
	 */
	public String describe() {
		return "plugin '" + this.name + "'" + ((this.beanName != null) ? " (bean '" + this.beanName + "')" : "");
	}

	static String nameOf(Object plugin) {
		if (plugin instanceof WorkerPlugin worker) {
			return worker.getName();
		}
		if (plugin instanceof WorkflowClientPlugin client) {
			return client.getName();
		}
		if (plugin instanceof WorkflowServiceStubsPlugin stubs) {
			return stubs.getName();
		}
		if (plugin instanceof ScheduleClientPlugin schedule) {
			return schedule.getName();
		}
		throw new IllegalArgumentException("Not a Temporal plugin: " + plugin);
	}

}
