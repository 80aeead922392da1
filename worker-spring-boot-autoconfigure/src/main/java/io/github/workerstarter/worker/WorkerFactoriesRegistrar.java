package io.github.workerstarter.worker;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;

import io.github.workerstarter.connection.NamespaceBeansRegistrar;
import io.temporal.worker.WorkerFactory;

/**
 * Declares {@code <alias>WorkerFactory} for each further namespace, {@code @Qualifier("<alias>")} and not a default
 * candidate, as a factory method of {@link TemporalWorkerFactories}. A bean of that name the application declares is
 * used instead.
 */
class WorkerFactoriesRegistrar extends NamespaceBeansRegistrar {

	static final String FACTORY_BEAN = "temporalWorkerFactories";

	@Override
	protected void declare(BeanDefinitionRegistry registry, String alias) {
		register(registry, FACTORY_BEAN, alias, alias + "WorkerFactory", WorkerFactory.class, "workerFactory");
	}

}
