package io.github.workerstarter.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowClientPlugin;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerPlugin;

/**
 * Puts plugin beans on options the starter built, after any plugins a customizer set there (which stay, first).
 */
public final class PluginOptions {

	private PluginOptions() {
	}

	/**
	 * Adds plugins to service stubs options being built.
	 * @param builder the builder, customizers applied
	 * @param plugins the plugins to add
	 * @return the builder
	 */
	public static WorkflowServiceStubsOptions.Builder addTo(WorkflowServiceStubsOptions.Builder builder,
			WorkflowServiceStubsPlugin[] plugins) {
		if (plugins.length > 0) {
			builder.setPlugins(merged(builder.build().getPlugins(), plugins, WorkflowServiceStubsPlugin[]::new));
		}
		return builder;
	}

	/**
	 * Workflow client options with plugins added.
	 * @param options the options, customizers applied
	 * @param plugins the plugins to add
	 * @return the options
	 */
	public static WorkflowClientOptions with(WorkflowClientOptions options, WorkflowClientPlugin[] plugins) {
		if (plugins.length == 0) {
			return options;
		}
		return WorkflowClientOptions.newBuilder(options)
			.setPlugins(merged(options.getPlugins(), plugins, WorkflowClientPlugin[]::new))
			.build();
	}

	/**
	 * Worker factory options with plugins added.
	 * @param options the options, customizers applied
	 * @param plugins the plugins to add
	 * @return the options
	 */
	public static WorkerFactoryOptions with(WorkerFactoryOptions options, WorkerPlugin[] plugins) {
		if (plugins.length == 0) {
			return options;
		}
		return WorkerFactoryOptions.newBuilder(options)
			.setPlugins(merged(options.getPlugins(), plugins, WorkerPlugin[]::new))
			.build();
	}

	private static <T> T[] merged(T @Nullable [] existing, T[] added, IntFunction<T[]> array) {
		List<T> all = new ArrayList<>();
		if (existing != null) {
			all.addAll(Arrays.asList(existing));
		}
		Arrays.stream(added).filter((plugin) -> all.stream().noneMatch((present) -> present == plugin)).forEach(all::add);
		return all.toArray(array);
	}

}
