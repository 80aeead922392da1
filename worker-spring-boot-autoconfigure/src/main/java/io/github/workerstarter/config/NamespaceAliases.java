package io.github.workerstarter.config;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The aliases under {@code temporal.namespaces}, read from the environment's property names before any bean exists,
 * for the registrars that declare each namespace's qualified beans. The values are bound and checked with
 * {@link TemporalProperties} later.
 */
public final class NamespaceAliases {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("temporal.namespaces");

	private NamespaceAliases() {
	}

	/**
	 * The aliases, in the order their first property appears.
	 * @param environment the application's environment
	 * @return the aliases as written
	 */
	public static Set<String> read(Environment environment) {
		Set<String> aliases = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter(ROOT::isAncestorOf)
					.forEach((name) -> aliases.add(name.getElement(2, ConfigurationPropertyName.Form.ORIGINAL)));
			}
		}
		return aliases;
	}

}
