package io.github.workerstarter.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import io.github.workerstarter.plugin.TemporalPlugins;

/**
 * A Temporal SDK plugin bean, as {@code /actuator/temporal} lists it.
 *
 * @param name the plugin's name
 * @param bean its bean name
 * @param type its class
 * @param kinds the SDK plugin interfaces it implements ({@code SimplePlugin} for all four)
 * @param limitedTo the namespaces {@code @PluginNamespaces} limits it to, or null for all
 * @param appliedTo per namespace alias, the level it was applied at: {@code service stubs}, {@code workflow client},
 * {@code schedule client} or {@code worker factory} (the SDK passes it down from there)
 */
public record PluginDescriptor(String name, @Nullable String bean, String type, List<String> kinds,
		@Nullable List<String> limitedTo, Map<String, String> appliedTo) {

	/**
	 * Every plugin bean, in the order they apply.
	 * @param plugins the application's plugins
	 * @return their descriptions
	 */
	static List<PluginDescriptor> of(TemporalPlugins plugins) {
		List<PluginDescriptor> described = new ArrayList<>();
		plugins.placements()
			.forEach((plugin, levels) -> described.add(new PluginDescriptor(plugin.name(), plugin.beanName(),
					ClassUtils.getUserClass(plugin.plugin()).getName(), plugin.kinds(),
					(plugin.namespaces() != null) ? List.copyOf(plugin.namespaces()) : null, new TreeMap<>(levels))));
		return described;
	}

}
