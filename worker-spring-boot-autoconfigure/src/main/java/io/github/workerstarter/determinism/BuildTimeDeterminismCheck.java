package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import io.temporal.workflow.DynamicWorkflow;

/**
 * The determinism check at build time, under Spring AOT ({@code spring-boot:process-aot}): the {@code @WorkflowImpl}
 * beans are checked with the build's {@code temporal.workflows.*} properties, so in {@code fail} mode a
 * non-deterministic workflow fails the build. Task queues are named as the annotations write them (placeholders are
 * resolved at run time); the check runs again when the application starts.
 */
public final class BuildTimeDeterminismCheck {

	private static final Log logger = LogFactory.getLog(BuildTimeDeterminismCheck.class);

	private BuildTimeDeterminismCheck() {
	}

	/**
	 * Checks the workflow beans of a bean factory being processed ahead of time.
	 * @param beanFactory the bean factory
	 * @throws WorkerConfigurationException in fail mode, listing every finding
	 */
	public static void check(ConfigurableListableBeanFactory beanFactory) {
		Environment environment = beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)
				? beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, Environment.class)
				: new StandardEnvironment();
		DeterminismProperties properties = Binder.get(environment)
			.bind("temporal.workflows", DeterminismProperties.class)
			.orElseGet(() -> new DeterminismProperties(null, null));
		DeterminismCheckMode mode = properties.mode(DeterminismCheckMode.WARN);
		List<WorkflowUnderCheck> workflows = workflows(beanFactory);
		if (mode == DeterminismCheckMode.OFF || workflows.isEmpty()) {
			return;
		}
		DeterminismReport report = DeterminismAutoConfiguration.check(beanFactory, properties.determinismAllowed())
			.check(workflows);
		logger.info(DeterminismReportText.summary(report));
		if (mode == DeterminismCheckMode.FAIL && !report.findings().isEmpty()) {
			throw new WorkerConfigurationException(DeterminismReportText.failure(report), DeterminismReportText.ACTION);
		}
		report.workflows()
			.forEach((workflow) -> workflow.findings()
				.forEach((finding) -> logger.warn(DeterminismReportText.warning(workflow.workflow(), finding))));
	}

	private static List<WorkflowUnderCheck> workflows(ConfigurableListableBeanFactory beanFactory) {
		List<WorkflowUnderCheck> workflows = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForAnnotation(WorkflowImpl.class)) {
			Class<?> type = beanFactory.getType(name, false);
			WorkflowImpl annotation = beanFactory.findAnnotationOnBean(name, WorkflowImpl.class, false);
			if (type != null && annotation != null) {
				type = ClassUtils.getUserClass(type);
				workflows.add(new WorkflowUnderCheck(type, types(type), Arrays.asList(annotation.taskQueues())));
			}
		}
		return workflows;
	}

	private static List<String> types(Class<?> type) {
		if (DynamicWorkflow.class.isAssignableFrom(type)) {
			return List.of("(dynamic)");
		}
		try {
			return POJOWorkflowImplMetadata.newInstanceForWorkflowFactory(type)
				.getWorkflowInterfaces()
				.stream()
				.map(POJOWorkflowInterfaceMetadata::getWorkflowType)
				.flatMap(java.util.Optional::stream)
				.toList();
		}
		catch (RuntimeException invalid) {
			// the application fails at startup on an invalid implementation, naming it
			return List.of(type.getSimpleName());
		}
	}

}
