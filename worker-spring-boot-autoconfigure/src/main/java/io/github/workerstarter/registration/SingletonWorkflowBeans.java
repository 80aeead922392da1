package io.github.workerstarter.registration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Fails startup when a workflow class (one that implements a {@code @WorkflowInterface}) is declared as a singleton
 * bean, e.g. with {@code @Component} instead of {@code @WorkflowImpl}, deciding from the bean definitions before
 * Spring instantiates any singleton. Later would be too late: a workflow class creates its activity stubs in field
 * initialisers ({@code Workflow.newActivityStub}), which the SDK refuses outside a workflow thread with a bare
 * {@code java.lang.Error}, thrown from inside Spring's bean creation.
 *
 * <p>Checked: classes registered as components (scanned, imported) and {@code @Bean} methods carrying
 * {@code @WorkflowImpl} (on the method or the returned class). A plain {@code @Bean} method is left alone: it may
 * declare an interface type (a client's workflow stub) or build an object nobody registers; should it build a
 * workflow class whose construction calls the workflow API, the SDK's error is reported by
 * {@code WorkflowApiOutsideWorkflowFailureAnalyzer}, and if a worker entry names it, the registration reports it.
 */
public final class SingletonWorkflowBeans implements BeanFactoryPostProcessor, Ordered {

	@Override
	public int getOrder() {
		// after the processors that replace or add definitions (a test's bean overrides among them)
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		for (String beanName : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition merged = beanFactory.getMergedBeanDefinition(beanName);
			if (merged.isAbstract() || merged.isPrototype() || merged.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
				continue;
			}
			// as declared: merging drops the metadata of scanned and imported classes
			BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
			Class<?> type = declaredType(definition, classLoader);
			if (type != null && UnregisteredWorkflowClasses.isWorkflowClass(type)
					&& (!isBeanMethod(definition) || isAnnotatedWorkflow(definition, type))) {
				throw singleton(beanName, type, definition);
			}
		}
	}

	// the class the definition declares, read from its metadata: nothing is instantiated or introspected
	private static @Nullable Class<?> declaredType(BeanDefinition definition, @Nullable ClassLoader classLoader) {
		String className;
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			className = (factoryMethod != null) ? factoryMethod.getReturnTypeName()
					: (definition.getFactoryMethodName() == null) ? annotated.getMetadata().getClassName() : null;
		}
		else if (definition instanceof RootBeanDefinition root && root.getTargetType() != null) {
			return root.getTargetType();
		}
		else {
			className = (definition.getFactoryMethodName() == null) ? definition.getBeanClassName() : null;
		}
		if (className == null || !ClassUtils.isPresent(className, classLoader)) {
			return null;
		}
		return ClassUtils.resolveClassName(className, classLoader);
	}

	private static boolean isBeanMethod(BeanDefinition definition) {
		return definition.getFactoryMethodName() != null;
	}

	// @WorkflowImpl on the method or on the class it returns
	private static boolean isAnnotatedWorkflow(BeanDefinition definition, Class<?> type) {
		if (type.isAnnotationPresent(WorkflowImpl.class)) {
			return true;
		}
		return definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null
				&& annotated.getFactoryMethodMetadata().isAnnotated(WorkflowImpl.class.getName());
	}

	private static WorkerConfigurationException singleton(String beanName, Class<?> type, BeanDefinition definition) {
		boolean beanMethod = isBeanMethod(definition);
		boolean annotatedMethod = beanMethod && definition instanceof AnnotatedBeanDefinition annotated
				&& annotated.getFactoryMethodMetadata() != null
				&& annotated.getFactoryMethodMetadata().isAnnotated(WorkflowImpl.class.getName());
		String how;
		String fix;
		if (annotatedMethod || (!beanMethod && type.isAnnotationPresent(WorkflowImpl.class))) {
			how = "it carries @WorkflowImpl with a @Scope that overrides its prototype scope";
			fix = "Remove the @Scope that makes bean '" + beanName + "' a singleton: @WorkflowImpl makes it prototype-scoped.";
		}
		else if (beanMethod) {
			how = "its @Bean method has neither @WorkflowImpl nor @Scope(\"prototype\") (the class's @WorkflowImpl "
					+ "scopes the class where component scanning finds it, not what a @Bean method returns)";
			fix = "Annotate the @Bean method @WorkflowImpl(taskQueues = \"<queue>\") (it makes the bean "
					+ "prototype-scoped), or @Scope(\"prototype\").";
		}
		else {
			how = "it is a component (@Component or another stereotype, or @Import) instead of @WorkflowImpl";
			fix = "Replace @Component on " + type.getSimpleName() + " with @WorkflowImpl(taskQueues = \"<queue>\"): "
					+ "it makes the class prototype-scoped and registers it on the workers of those queues.";
		}
		return new WorkerConfigurationException("Bean '" + beanName + "' (" + type.getName() + ") implements workflow "
				+ "interface " + UnregisteredWorkflowClasses.workflowInterfaces(type) + " but is a singleton bean: " + how
				+ ". Temporal needs a new workflow instance for every execution, and a workflow class may create "
				+ "activity stubs and call Workflow.* only on a workflow thread, never while Spring builds a singleton "
				+ "(the SDK would fail that with \"Called from non workflow or workflow callback thread\").", fix);
	}

}
