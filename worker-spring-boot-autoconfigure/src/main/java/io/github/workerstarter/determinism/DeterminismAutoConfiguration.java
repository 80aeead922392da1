package io.github.workerstarter.determinism;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import io.temporal.worker.WorkerFactory;

/**
 * The determinism check of workflow code ({@link WorkflowDeterminismGuard}), run by the worker registry on the
 * workflow implementations it finds. The application's packages are those of its {@code @SpringBootApplication} (and
 * of the workflow classes); calls on an interface reach the beans of that type.
 */
@AutoConfiguration
@ConditionalOnClass(WorkerFactory.class)
@EnableConfigurationProperties(DeterminismProperties.class)
public final class DeterminismAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WorkflowDeterminismGuard temporalWorkflowDeterminismGuard(DeterminismProperties properties,
			ObjectProvider<DeterminismCheckDefault> defaults, ConfigurableListableBeanFactory beanFactory) {
		DeterminismCheckDefault fallback = defaults.getIfAvailable();
		DeterminismCheckMode mode = properties.mode((fallback != null) ? fallback.mode() : DeterminismCheckMode.WARN);
		return new WorkflowDeterminismGuard(mode, () -> check(beanFactory, properties.determinismAllowed()));
	}

	/**
	 * The check as an application context sets it up.
	 * @param beanFactory the context's bean factory
	 * @param allowed the allowed methods and APIs
	 * @return the check
	 */
	static DeterminismCheck check(ConfigurableListableBeanFactory beanFactory, List<String> allowed) {
		List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
				: List.of();
		ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
				: ClassUtils.getDefaultClassLoader();
		return new DeterminismCheck(classLoader, packages, allowed, (type) -> beansOf(beanFactory, type));
	}

	// the concrete classes of the beans of a type, as Spring would inject them (none created here)
	private static List<Class<?>> beansOf(BeanFactory beanFactory, Class<?> type) {
		List<Class<?>> classes = new ArrayList<>();
		ConfigurableListableBeanFactory listable = (ConfigurableListableBeanFactory) beanFactory;
		for (String name : listable.getBeanNamesForType(type, true, false)) {
			Class<?> beanType = listable.getType(name, false);
			if (beanType != null && !beanType.isInterface() && !Modifier.isAbstract(beanType.getModifiers())) {
				classes.add(ClassUtils.getUserClass(beanType));
			}
		}
		return classes;
	}

}
