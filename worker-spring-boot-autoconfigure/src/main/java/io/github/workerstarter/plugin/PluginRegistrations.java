package io.github.workerstarter.plugin;

import java.lang.reflect.Field;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.temporal.common.SimplePlugin;

/**
 * The workflow, activity and Nexus implementations a {@link SimplePlugin} registers itself
 * ({@code SimplePlugin.Builder.registerWorkflowImplementationTypes}, {@code registerActivitiesImplementations},
 * {@code registerNexusServiceImplementation}). The SDK registers them on every worker of the factories the plugin
 * reaches, when the worker is created; the starter lists them with the annotated beans and checks them for duplicates.
 * The SDK keeps them in private fields with no getter, so they are read from there; a worker plugin's own
 * {@code initializeWorker} code is not visible this way (a type it registers that a bean registers too still fails
 * startup, through the SDK's own check).
 *
 * @param workflowTypes the workflow implementation classes
 * @param activities the activity implementation instances
 * @param nexusServices the Nexus service implementation instances
 */
public record PluginRegistrations(List<Class<?>> workflowTypes, List<Object> activities, List<Object> nexusServices) {

	private static final Log logger = LogFactory.getLog(PluginRegistrations.class);

	/** Nothing registered. */
	public static final PluginRegistrations NONE = new PluginRegistrations(List.of(), List.of(), List.of());

	private static final @Nullable Field WORKFLOWS = field("workflowImplementationTypes");

	private static final @Nullable Field ACTIVITIES = field("activitiesImplementations");

	private static final @Nullable Field NEXUS_SERVICES = field("nexusServiceImplementations");

	/**
	 * What a plugin registers itself.
	 * @param plugin any plugin
	 * @return its registrations; none for a plugin that is not a {@link SimplePlugin}
	 */
	public static PluginRegistrations of(Object plugin) {
		if (!(plugin instanceof SimplePlugin)) {
			return NONE;
		}
		return new PluginRegistrations(read(WORKFLOWS, plugin), read(ACTIVITIES, plugin), read(NEXUS_SERVICES, plugin));
	}

	/**
	 * Whether there is anything.
	 * @return false when the plugin registers nothing itself
	 */
	public boolean isEmpty() {
		return this.workflowTypes.isEmpty() && this.activities.isEmpty() && this.nexusServices.isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> read(@Nullable Field field, Object plugin) {
		if (field == null) {
			return List.of();
		}
		try {
			Object value = field.get(plugin);
			return (value instanceof List<?> list) ? List.copyOf((List<T>) list) : List.of();
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return List.of();
		}
	}

	private static @Nullable Field field(String name) {
		try {
			Field field = SimplePlugin.class.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException | RuntimeException ex) {
			// another SDK version: the registrations still run, the starter just cannot list them
			logger.warn("Cannot read SimplePlugin." + name + " of this Temporal SDK version: implementations that "
					+ "plugins register themselves run, but are not listed in the startup log, /actuator/temporal and the "
					+ "worker registry, nor checked against the beans' (" + ex + ")");
			return null;
		}
	}

}
