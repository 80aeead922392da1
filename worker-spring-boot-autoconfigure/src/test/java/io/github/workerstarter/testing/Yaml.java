package io.github.workerstarter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * YAML as Boot reads {@code application.yml}: the same loader, so {@code {}} entries, keys with capitals and origins
 * look to the starter exactly as in an application (property pairs from withPropertyValues would not).
 */
public final class Yaml {

	private Yaml() {
	}

	/**
	 * An initializer that adds the YAML as the first property sources of the context.
	 * @param name a name for the source, shown in origins
	 * @param yaml the document
	 * @return the initializer, for {@code ApplicationContextRunner.withInitializer}
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> source(String name, String yaml) {
		List<PropertySource<?>> sources = load(name, yaml);
		return (context) -> sources.forEach((source) -> context.getEnvironment().getPropertySources().addFirst(source));
	}

	public static List<PropertySource<?>> load(String name, String yaml) {
		try {
			// described as Boot describes application.yml, so origins in messages read as users see them
			ByteArrayResource resource = new ByteArrayResource(yaml.getBytes(), name) {
				@Override
				public String getDescription() {
					return "class path resource [" + name + "]";
				}
			};
			return new YamlPropertySourceLoader().load(name, resource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
