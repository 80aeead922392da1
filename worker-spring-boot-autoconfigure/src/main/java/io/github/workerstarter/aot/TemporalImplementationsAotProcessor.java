package io.github.workerstarter.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.determinism.BuildTimeDeterminismCheck;

/**
 * The build-time half of Spring AOT ({@code spring-boot:process-aot}) for the {@code @WorkflowImpl},
 * {@code @ActivityImpl} and {@code @NexusServiceImpl} beans: runs the check that needs a class path scan (an
 * annotation on an interface or abstract class, see {@code NonConcreteAnnotatedTypes}), so the application skips it
 * at run time; runs the determinism check of the workflow code ({@link BuildTimeDeterminismCheck}), so in fail mode
 * the build fails; and registers the runtime hints a native image needs for what the Temporal SDK reflects on
 * ({@link ImplementationHints}). Registered in {@code META-INF/spring/aot.factories}; does nothing without the SDK.
 */
public final class TemporalImplementationsAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String SDK_CLASS = "io.temporal.worker.Worker";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (!ClassUtils.isPresent(SDK_CLASS, beanFactory.getBeanClassLoader())) {
			return null;
		}
		// the determinism check runs at build time too: in fail mode a non-deterministic workflow fails the build
		BuildTimeDeterminismCheck.check(beanFactory);
		return ImplementationHints.contribution(beanFactory);
	}

}
