package io.github.workerstarter.registration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A workflow, activity or Nexus implementation that a Temporal SDK plugin registers itself
 * ({@code SimplePlugin.Builder.registerWorkflowImplementationTypes} and the like). The SDK registers it on every worker
 * of the namespaces the plugin reaches when the worker is created; the finder lists it with the beans.
 *
 * @param plugin the plugin's name
 * @param pluginBean the plugin's bean name, or null when it is not a bean
 * @param kind workflow, activity or Nexus service
 * @param type the implementation class (for activities and Nexus services, the instance's class)
 * @param namespaces the aliases of the namespaces whose workers get it
 */
public record PluginImplementation(String plugin, @Nullable String pluginBean, ImplementationKind kind, Class<?> type,
		List<String> namespaces) {

	/**
	 * How messages name it.
	 * @return e.g. {@code class com.example.AuditWorkflowImpl registered by plugin 'acme.audit' (bean 'auditPlugin')}
	 */
	public String describe() {
		return TemporalImplementation.describePluginRegistration(this.type, this.plugin, this.pluginBean);
	}

}
