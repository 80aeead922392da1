package io.github.workerstarter.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySource;

/**
 * The configuration file a message should name when it tells the user what to add: the one that holds the
 * application's {@code temporal.*} properties (else the first of its configuration files), so a report says
 * "In application.yaml:" to an application with {@code application.yaml}, and writes properties lines for an
 * {@code application.properties}. {@code application.yml} when the environment has no configuration file.
 *
 * @param name the file's name, e.g. {@code application.yaml}
 */
public record ConfigurationFile(String name) {

	/** What an environment without configuration files is told. */
	public static final ConfigurationFile DEFAULT = new ConfigurationFile("application.yml");

	// Spring Boot names a file's property source "Config resource 'class path resource [application.yaml]' via ..."
	private static final Pattern CONFIG_RESOURCE = Pattern.compile("^Config resource '.*\\[(.+?)\\]'");

	/**
	 * The file of an environment.
	 * @param environment the application's environment
	 * @return the file holding temporal.* properties, else the first configuration file, else {@link #DEFAULT}
	 */
	public static ConfigurationFile of(@Nullable PropertyResolver environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return DEFAULT;
		}
		ConfigurationFile first = null;
		for (PropertySource<?> source : configurable.getPropertySources()) {
			String file = fileName(source.getName());
			if (file == null) {
				continue;
			}
			if (holdsTemporalProperties(source)) {
				return new ConfigurationFile(file);
			}
			first = (first != null) ? first : new ConfigurationFile(file);
		}
		return (first != null) ? first : DEFAULT;
	}

	/**
	 * Whether the file is a properties file (lines such as {@code temporal.workers.orders.task-queue=orders}).
	 * @return true for {@code .properties}
	 */
	public boolean isProperties() {
		return this.name.endsWith(".properties");
	}

	private static @Nullable String fileName(String sourceName) {
		Matcher matcher = CONFIG_RESOURCE.matcher(sourceName);
		if (!matcher.find()) {
			return null;
		}
		String path = matcher.group(1).replace('\\', '/');
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static boolean holdsTemporalProperties(PropertySource<?> source) {
		if (source instanceof EnumerablePropertySource<?> enumerable) {
			for (String name : enumerable.getPropertyNames()) {
				if (name.startsWith("temporal.")) {
					return true;
				}
			}
		}
		return false;
	}

}
