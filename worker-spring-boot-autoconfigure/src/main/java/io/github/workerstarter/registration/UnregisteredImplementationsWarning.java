package io.github.workerstarter.registration;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.util.ClassUtils;

/**
 * Warns when {@code @WorkflowImpl}/{@code @ActivityImpl} beans exist but no worker registry does, so nothing
 * would poll their queues and the application would look healthy while doing no work. That happens when the
 * starter's auto-configuration is excluded or backs off. Registered in {@code spring.factories}, so it runs
 * exactly when the auto-configuration does not.
 */
public final class UnregisteredImplementationsWarning implements ApplicationListener<ContextRefreshedEvent> {

	private static final Log logger = LogFactory.getLog(UnregisteredImplementationsWarning.class);

	private static final String SDK_CLASS = "io.temporal.worker.WorkerFactory";

	private static final String REGISTRY_CLASS = "io.github.workerstarter.worker.TemporalWorkerRegistry";

	private static final String CLIENT_CLASS = "io.temporal.client.WorkflowClient";

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		if (!(event.getApplicationContext() instanceof ConfigurableApplicationContext context)) {
			return;
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		// without the SDK the annotations' kinds cannot even be loaded, and there is nothing to register with
		if (!ClassUtils.isPresent(SDK_CLASS, classLoader)) {
			return;
		}
		String message = check(beanFactory, classLoader);
		if (message != null) {
			logger.warn(message);
		}
	}

	/** The warning for this bean factory, or null when every annotated bean has a registry to go to. */
	static String check(ConfigurableListableBeanFactory beanFactory, ClassLoader classLoader) {
		// the usual case, a registry present, costs one type lookup; the registry scans the annotations itself
		if (hasBean(beanFactory, REGISTRY_CLASS, classLoader)) {
			return null;
		}
		List<String> annotated = new ArrayList<>();
		for (ImplementationKind kind : ImplementationKind.values()) {
			for (String beanName : beanFactory.getBeanNamesForAnnotation(kind.annotationType())) {
				annotated.add("'" + beanName + "' (" + kind.annotationName() + ")");
			}
		}
		if (annotated.isEmpty()) {
			return null;
		}
		return annotated.size() + " bean(s) are annotated for Temporal workers but no worker registers them, so nothing "
				+ "polls their task queues: " + String.join(", ", annotated) + ". " + cause(beanFactory, classLoader)
				+ " Fix: remove the exclusion (or define the missing bean), or drop the annotations if this "
				+ "application should not run workers. Run with --debug for the auto-configuration report.";
	}

	private static String cause(ConfigurableListableBeanFactory beanFactory, ClassLoader classLoader) {
		List<String> excluded = ConditionEvaluationReport.get(beanFactory)
			.getExclusions()
			.stream()
			.filter((name) -> name.startsWith("io.github.workerstarter."))
			.toList();
		if (!excluded.isEmpty()) {
			return "The starter's auto-configuration is excluded: " + String.join(", ", excluded) + ".";
		}
		if (!hasBean(beanFactory, CLIENT_CLASS, classLoader)) {
			return "There is no WorkflowClient bean, so the worker auto-configuration backed off.";
		}
		return "The worker auto-configuration (TemporalWorkerAutoConfiguration) did not apply.";
	}

	private static boolean hasBean(ConfigurableListableBeanFactory beanFactory, String className,
			ClassLoader classLoader) {
		return ClassUtils.isPresent(className, classLoader)
				&& beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(className, classLoader), true, false).length > 0;
	}

}
