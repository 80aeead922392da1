package io.github.workerstarter.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Fails startup when the environment still holds properties of the official Temporal starter
 * ({@code spring.temporal.*}), listing each with the property to use instead, unless the official starter itself
 * is on the class path (then they are its own). A team moving over would otherwise only hear that
 * {@code temporal.target} is not set, and its worker settings would silently not apply. Runs before any bean is
 * created, so this report comes first. {@code temporal.fail-on-unknown-properties=false} turns it off.
 */
public final class OfficialStarterPropertiesCheck implements BeanFactoryPostProcessor {

	static final String OFFICIAL_STARTER_CLASS = "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration";

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("spring.temporal");

	private final Environment environment;

	public OfficialStarterPropertiesCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		if (!this.environment.getProperty("temporal.fail-on-unknown-properties", Boolean.class, true)
				|| ClassUtils.isPresent(OFFICIAL_STARTER_CLASS, beanFactory.getBeanClassLoader())) {
			return;
		}
		Map<String, String> leftovers = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				Map<ConfigurationPropertyName, String> written = asWritten(source);
				iterable.stream()
					.filter(ROOT::isAncestorOf)
					.forEach((name) -> leftovers.putIfAbsent(name.toString(), advice(name,
							written.getOrDefault(name, name.toString()), source.getConfigurationProperty(name))));
			}
		}
		if (!leftovers.isEmpty()) {
			throw new WorkerConfigurationException("The configuration has " + leftovers.size() + " propert"
					+ ((leftovers.size() == 1) ? "y" : "ies") + " of the official Temporal Spring Boot starter "
					+ "(spring.temporal.*), which this starter does not read:\n" + leftovers.values()
						.stream()
						.map((line) -> "  - " + line)
						.collect(Collectors.joining("\n")),
					"Rename each as listed (the README's section \"Coming from the official Temporal starter\" has the "
							+ "whole table), then remove the spring.temporal.* keys. To start anyway, set "
							+ "temporal.fail-on-unknown-properties=false.");
		}
	}

	private static String advice(ConfigurationPropertyName name, String asWritten, ConfigurationProperty property) {
		String origin = (property != null && property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "";
		String written = asWritten + origin + ": ";
		return OfficialStarterProperties.find(name)
			.map((mapping) -> written + ((mapping.replacement() != null) ? "use " + mapping.replacement() : "no counterpart")
					+ (mapping.note().isEmpty() ? "" : " — " + mapping.note().replace("`", "")))
			.orElse(written + "not a property of the official starter 1.38 either");
	}

	// the keys as the file spells them (spring.temporal.startWorkers), where the source is a file's or a map's
	private static Map<ConfigurationPropertyName, String> asWritten(ConfigurationPropertySource source) {
		Map<ConfigurationPropertyName, String> written = new LinkedHashMap<>();
		if (source.getUnderlyingSource() instanceof EnumerablePropertySource<?> enumerable
				&& !(enumerable instanceof SystemEnvironmentPropertySource)) {
			for (String key : enumerable.getPropertyNames()) {
				if (key.startsWith("spring.temporal.")) {
					written.putIfAbsent(ConfigurationPropertyName.adapt(key, '.'), key);
				}
			}
		}
		return written;
	}

}
