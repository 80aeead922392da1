package io.github.workerstarter.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

import io.github.workerstarter.annotation.PluginNamespaces;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.client.WorkflowClientPlugin;
import io.temporal.client.schedules.ScheduleClientPlugin;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;
import io.temporal.worker.WorkerPlugin;

/**
 * Finds the Temporal SDK plugin beans of an application, with their order and the namespaces
 * {@code @PluginNamespaces} limits them to.
 */
final class PluginBeans {

	private static final List<Class<?>> PLUGIN_TYPES = List.of(WorkflowServiceStubsPlugin.class,
			WorkflowClientPlugin.class, ScheduleClientPlugin.class, WorkerPlugin.class);

	private PluginBeans() {
	}

	/**
	 * The plugin beans of an application: every bean implementing one of the SDK's plugin interfaces, ordered by
	 * {@code Ordered}, {@code @Order} (on the class or the {@code @Bean} method) or {@code @Priority}, then by
	 * declaration.
	 * @param beanFactory where the beans are
	 * @param placeholders resolves placeholders in {@code @PluginNamespaces}
	 * @param aliases the namespace aliases that exist, {@code main} first
	 * @return the plugins, in order
	 * @throws WorkerConfigurationException when {@code @PluginNamespaces} names an unknown alias
	 */
	static List<PluginBean> find(ConfigurableListableBeanFactory beanFactory, PropertyResolver placeholders,
			Collection<String> aliases) {
		List<String> declared = Arrays.asList(beanFactory.getBeanDefinitionNames());
		Set<String> names = new LinkedHashSet<>();
		PLUGIN_TYPES.forEach((type) -> names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(type, true, false))));
		List<String> inDeclarationOrder = names.stream()
			.sorted(Comparator.comparingInt((name) -> declared.contains(name) ? declared.indexOf(name) : Integer.MAX_VALUE))
			.toList();
		List<PluginBean> found = new ArrayList<>();
		Map<PluginBean, Integer> orders = new LinkedHashMap<>();
		for (String name : inDeclarationOrder) {
			Object plugin = beanFactory.getBean(name);
			PluginBean bean = new PluginBean(name, plugin, PluginBean.nameOf(plugin),
					namespaces(beanFactory, placeholders, name, plugin, aliases));
			found.add(bean);
			orders.put(bean, order(beanFactory, name, plugin));
		}
		// a stable sort: equal orders keep the declaration order
		found.sort(Comparator.comparingInt(orders::get));
		return found;
	}

	private static @Nullable Set<String> namespaces(ConfigurableListableBeanFactory beanFactory,
			PropertyResolver placeholders, String beanName, Object plugin, Collection<String> aliases) {
		PluginNamespaces limit = beanFactory.findAnnotationOnBean(beanName, PluginNamespaces.class);
		if (limit == null) {
			return null;
		}
		String described = "Plugin bean '" + beanName + "' (" + PluginBean.nameOf(plugin) + ")";
		Set<String> namespaces = new LinkedHashSet<>();
		for (String raw : limit.value()) {
			String resolved;
			try {
				resolved = placeholders.resolveRequiredPlaceholders(raw);
			}
			catch (IllegalArgumentException ex) {
				throw new WorkerConfigurationException(described + " is annotated @PluginNamespaces(\"" + raw
						+ "\"), and the placeholder cannot be resolved: " + ex.getMessage(),
						"Define the property, or give the placeholder a default.", ex);
			}
			for (String alias : StringUtils.commaDelimitedListToStringArray(resolved)) {
				String trimmed = alias.trim();
				if (!aliases.contains(trimmed)) {
					throw new WorkerConfigurationException(described + " is annotated @PluginNamespaces(\"" + raw
							+ "\"), but no namespace has the alias '" + trimmed + "'. Aliases: " + aliases + ".",
							"Name one of " + aliases + " ('main' is temporal.namespace; the others are keys of "
									+ "temporal.namespaces), or add temporal.namespaces." + trimmed + "."
									+ DidYouMean.suggestion(trimmed, aliases));
				}
				namespaces.add(trimmed);
			}
		}
		if (namespaces.isEmpty()) {
			throw new WorkerConfigurationException(described + " is annotated @PluginNamespaces with no namespace, so "
					+ "it would apply nowhere.", "Name at least one of " + aliases + ", or remove the bean.");
		}
		return namespaces;
	}

	private static int order(ConfigurableListableBeanFactory beanFactory, String beanName, Object plugin) {
		if (plugin instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		Order order = beanFactory.findAnnotationOnBean(beanName, Order.class);
		if (order != null) {
			return order.value();
		}
		Integer priority = OrderUtils.getPriority(plugin.getClass());
		return (priority != null) ? priority : Ordered.LOWEST_PRECEDENCE;
	}

}
