package io.github.workerstarter.connection;

import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import io.github.workerstarter.config.NamespaceAliases;
import io.temporal.client.WorkflowClient;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Declares the qualified beans of each further namespace: {@code <alias>WorkflowServiceStubs},
 * {@code <alias>WorkflowClient} and {@code <alias>ScheduleClient}, each with {@code @Qualifier("<alias>")} and not a
 * default candidate, so plain injection points keep the main namespace's beans (and the starter's main beans do not
 * back off for them). Declared as factory methods of {@link TemporalNamespaces}, which Spring AOT can generate code
 * for. A bean of one of these names that the application declares itself is left alone and used instead.
 */
public class NamespaceBeansRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	static final String FACTORY_BEAN = "temporalNamespaces";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		NamespaceAliases.read(this.environment).forEach((alias) -> declare(registry, alias));
	}

	/**
	 * Declares the beans of one further namespace.
	 * @param registry where to declare them
	 * @param alias the namespace's alias
	 */
	protected void declare(BeanDefinitionRegistry registry, String alias) {
		register(registry, FACTORY_BEAN, alias, alias + "WorkflowServiceStubs", WorkflowServiceStubs.class,
				"workflowServiceStubs");
		register(registry, FACTORY_BEAN, alias, alias + "WorkflowClient", WorkflowClient.class, "workflowClient");
		register(registry, FACTORY_BEAN, alias, alias + "ScheduleClient", ScheduleClient.class, "scheduleClient");
	}

	/**
	 * Declares one qualified bean as a factory method call {@code factoryBean.method(alias)}, unless a bean of that
	 * name exists.
	 * @param registry where to declare it
	 * @param factoryBean the bean whose method makes it
	 * @param alias the namespace's alias (also the argument and the qualifier)
	 * @param name the bean's name
	 * @param type the bean's type
	 * @param method the factory method
	 */
	public static void register(BeanDefinitionRegistry registry, String factoryBean, String alias, String name,
			Class<?> type, String method) {
		if (registry.containsBeanDefinition(name)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setFactoryBeanName(factoryBean);
		definition.setFactoryMethodName(method);
		ConstructorArgumentValues arguments = new ConstructorArgumentValues();
		arguments.addIndexedArgumentValue(0, alias);
		definition.setConstructorArgumentValues(arguments);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, alias));
		definition.setDefaultCandidate(false);
		registry.registerBeanDefinition(name, definition);
	}

}
