package io.github.workerstarter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a Temporal SDK plugin bean ({@code WorkflowServiceStubsPlugin}, {@code WorkflowClientPlugin},
 * {@code ScheduleClientPlugin}, {@code WorkerPlugin}, {@code SimplePlugin}) to some namespaces. Without it a plugin
 * bean applies in every namespace: the main one ({@code temporal.namespace}) and each of {@code temporal.namespaces}.
 * Put it on the plugin's class or on the {@code @Bean} method that declares it.
 *
 * <p>A plugin that configures the gRPC service stubs themselves can only be limited to namespaces that have a
 * connection of their own (or to every namespace sharing one): startup fails otherwise, naming them.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PluginNamespaces {

	/**
	 * Aliases of the namespaces the plugin applies in: {@code main} for the main namespace, or keys of
	 * {@code temporal.namespaces}. Placeholders are resolved; a value with commas names several.
	 * @return the namespace aliases
	 */
	String[] value();

}
