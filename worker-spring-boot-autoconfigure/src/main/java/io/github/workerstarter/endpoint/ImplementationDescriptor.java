package io.github.workerstarter.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * A registered type and the bean implementing it.
 *
 * @param type the workflow or activity type name, or the Nexus service name
 * @param bean the bean name; null for an implementation a plugin registers itself
 * @param beanClass the bean's class, or the class a plugin registers
 * @param determinism for a workflow, what the determinism check found in its code (allowed findings included)
 * @param plugin the name of the Temporal SDK plugin that registers it, or null for a bean
 */
public record ImplementationDescriptor(String type, @Nullable String bean, @Nullable String beanClass,
		@Nullable DeterminismDescriptor determinism, @Nullable String plugin) {
}
