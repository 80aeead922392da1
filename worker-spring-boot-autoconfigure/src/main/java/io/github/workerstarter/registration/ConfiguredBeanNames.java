package io.github.workerstarter.registration;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.config.WorkerEntry;
import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * What to say when {@code workflow-beans}, {@code activity-beans} or {@code nexus-service-beans} names no bean. Often
 * the name is a class's (the official starter's {@code workflow-classes} takes class names): then the class exists
 * but is no bean, or is a bean under another name, and the message says which.
 */
final class ConfiguredBeanNames {

	private ConfiguredBeanNames() {
	}

	static void failForMissingBean(ConfigurableListableBeanFactory beanFactory, ImplementationKind kind,
			WorkerEntry entry, String property, String name, List<String> workflowClasses) {
		Class<?> named = namedClass(beanFactory, name, workflowClasses);
		if (named != null) {
			String[] beans = beanFactory.getBeanNamesForType(named, true, false);
			if (beans.length > 0) {
				throw new WorkerConfigurationException("Property " + property + " names '" + name + "', the class of bean '"
						+ beans[0] + "'; " + kind.beansProperty() + " takes bean names.",
						"Write " + property + ": " + beans[0] + ".");
			}
			String annotation = kind.annotationName() + "(taskQueues = \"" + entry.taskQueue() + "\")";
			throw new WorkerConfigurationException("Property " + property + " names '" + name + "': class "
					+ named.getName() + " exists but is not a bean, and " + kind.beansProperty()
					+ " takes the names of beans.",
					"Annotate " + named.getSimpleName() + " with " + annotation + " (then it needs no entry in "
							+ property + "), or declare a " + ((kind == ImplementationKind.WORKFLOW) ? "prototype " : "")
							+ "@Bean of it and name that bean here.");
		}
		List<String> beans = Arrays.asList(beanFactory.getBeanDefinitionNames());
		throw new WorkerConfigurationException(
				"Property " + property + " names bean '" + name + "', but the application has no bean of that name.",
				"Name an existing bean (its @Bean method's name, or the class name with a lower-case first letter "
						+ "for a scanned component)." + DidYouMean.suggestion(name, beans));
	}

	// a fully qualified class name, or the simple name of a workflow class found in the application's packages
	private static @Nullable Class<?> namedClass(ConfigurableListableBeanFactory beanFactory, String name,
			List<String> workflowClasses) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (name.contains(".") && ClassUtils.isPresent(name, classLoader)) {
			return ClassUtils.resolveClassName(name, classLoader);
		}
		return workflowClasses.stream()
			.filter((className) -> ClassUtils.getShortName(className).equals(name))
			.findFirst()
			.map((className) -> ClassUtils.resolveClassName(className, classLoader))
			.orElse(null);
	}

}
