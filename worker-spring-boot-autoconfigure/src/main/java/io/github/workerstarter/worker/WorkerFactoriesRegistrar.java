package io.github.workerstarter.worker;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import io.github.workerstarter.config.NamespaceAliases;
import io.github.workerstarter.connection.NamespaceBeansRegistrar;
import io.temporal.worker.WorkerFactory;

/**
 * Declares {@code <alias>WorkerFactory} for each further namespace, {@code @Qualifier("<alias>")} and not a default
 * candidate, as a factory method of {@link TemporalWorkerFactories}. A bean of that name the application declares is
 * used instead.
 */
class WorkerFactoriesRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	static final String FACTORY_BEAN = "temporalWorkerFactories";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		for (String alias : NamespaceAliases.read(this.environment)) {
			NamespaceBeansRegistrar.register(registry, FACTORY_BEAN, alias, alias + "WorkerFactory", WorkerFactory.class,
					"workerFactory");
		}
	}

}
