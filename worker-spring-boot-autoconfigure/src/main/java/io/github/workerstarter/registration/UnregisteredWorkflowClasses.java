package io.github.workerstarter.registration;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import io.temporal.workflow.WorkflowInterface;

/**
 * A class in the application's packages that implements a {@code @WorkflowInterface} but is registered on no worker
 * is almost always a forgotten {@code @WorkflowImpl}: it is no bean (or a bean no worker names), the queue's worker
 * starts with {@code workflows []}, clients start workflows that nothing ever runs, and health is UP. Logged as a
 * warning rather than failing, since the class may be registered by another application sharing the package, or be
 * a test's stand-in.
 */
final class UnregisteredWorkflowClasses {

	private static final Log logger = LogFactory.getLog(UnregisteredWorkflowClasses.class);

	private UnregisteredWorkflowClasses() {
	}

	static void warn(List<String> workflowClasses, List<TemporalImplementation> registered,
			ConfigurableListableBeanFactory beanFactory) {
		if (workflowClasses.isEmpty()) {
			return;
		}
		Set<String> registeredClasses = registered.stream()
			.filter((implementation) -> implementation.kind() == ImplementationKind.WORKFLOW)
			.map((implementation) -> ClassUtils.getUserClass(implementation.type()).getName())
			.collect(Collectors.toSet());
		for (String className : workflowClasses) {
			if (registeredClasses.contains(className)) {
				continue;
			}
			Class<?> type = load(className, beanFactory.getBeanClassLoader());
			if (type == null) {
				continue;
			}
			String simpleName = type.getSimpleName();
			String[] beans = beanFactory.getBeanNamesForType(type, true, false);
			String what = (beans.length == 0) ? "is not a bean" : "is the bean '" + beans[0] + "', which no worker names";
			logger.warn(className + " implements workflow interface " + workflowInterfaces(type) + " but " + what
					+ ", so no worker runs it: workflows of that type would wait for ever. Did you forget @WorkflowImpl on "
					+ simpleName + "? Annotate it @WorkflowImpl(taskQueues = \"<queue>\") (prototype-scoped, registered "
					+ "on the workers of those queues)" + ((beans.length == 0) ? "."
							: ", or name the bean in temporal.workers.<name>.workflow-beans."));
		}
	}

	static String workflowInterfaces(Class<?> type) {
		return ClassUtils.getAllInterfacesForClassAsSet(type)
			.stream()
			.filter((candidate) -> candidate.isAnnotationPresent(WorkflowInterface.class))
			.map(Class::getSimpleName)
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static @Nullable Class<?> load(String className, @Nullable ClassLoader classLoader) {
		try {
			return ClassUtils.forName(className, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	static boolean isWorkflowClass(Class<?> type) {
		return !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
				&& Arrays.stream(ClassUtils.getAllInterfacesForClass(type))
					.anyMatch((candidate) -> candidate.isAnnotationPresent(WorkflowInterface.class));
	}

}
