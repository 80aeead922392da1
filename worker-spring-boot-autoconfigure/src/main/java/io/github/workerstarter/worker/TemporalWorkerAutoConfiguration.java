package io.github.workerstarter.worker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.github.workerstarter.aot.TrainingRun;
import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.connection.NamespaceConnection;
import io.github.workerstarter.connection.TemporalNamespaces;
import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.embedded.InProcessServer;
import io.github.workerstarter.lifecycle.DrainTimeout;
import io.github.workerstarter.lifecycle.InFlightActivities;
import io.github.workerstarter.lifecycle.TemporalWorkerStates;
import io.github.workerstarter.lifecycle.TemporalWorkersLifecycle;
import io.github.workerstarter.plugin.PluginBean;
import io.github.workerstarter.plugin.PluginOptions;
import io.github.workerstarter.plugin.TemporalPlugins;
import io.github.workerstarter.registration.ImplementationFinder;
import io.github.workerstarter.registration.ImplementationsCheck;
import io.github.workerstarter.registration.SingletonWorkflowBeans;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.WorkerFactory;

/**
 * The workers: a {@link WorkerFactory}, one worker per {@code temporal.workers} entry with the annotated beans
 * registered on it, and the lifecycle that starts and drains them. Each bean backs off for one the application
 * defines.
 */
@AutoConfiguration(after = TemporalConnectionAutoConfiguration.class)
@ConditionalOnClass(WorkerFactory.class)
@ConditionalOnBean(WorkflowClient.class)
@Import(WorkerFactoriesRegistrar.class)
public final class TemporalWorkerAutoConfiguration {

	// decides from the bean definitions, before any singleton is built: a workflow class built as a singleton fails
	// inside Spring's bean creation with the SDK's bare Error
	@Bean
	static SingletonWorkflowBeans temporalSingletonWorkflowBeans() {
		return new SingletonWorkflowBeans();
	}

	@Bean
	@ConditionalOnMissingBean
	InFlightActivities temporalInFlightActivities() {
		return new InFlightActivities();
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerFactory temporalWorkerFactory(WorkflowClient client, TemporalProperties properties,
			ObjectProvider<WorkerInterceptor> interceptors, ObjectProvider<WorkerFactoryOptionsCustomizer> customizers,
			Environment environment, ObjectProvider<TemporalPlugins> plugins) {
		// every WorkerInterceptor bean, ours (in-flight counting) included, in @Order; then the worker plugins that
		// the client does not pass on already
		return WorkerFactory.newInstance(client, PluginOptions.with(
				WorkerFactoryOptionsFactory.create(properties, VirtualThreadsDefault.resolve(environment),
						interceptors.orderedStream().toList(), customizers.orderedStream().toList()),
				plugins.getIfAvailable(TemporalPlugins::none)
					.forWorkerFactory(NamespaceProperties.MAIN, client.getOptions().getPlugins())));
	}

	@Bean
	@ConditionalOnMissingBean
	TemporalWorkerFactories temporalWorkerFactories(WorkerFactory workerFactory, TemporalNamespaces namespaces,
			TemporalProperties properties, ObjectProvider<WorkerInterceptor> interceptors,
			ObjectProvider<WorkerFactoryOptionsCustomizer> customizers, ConfigurableListableBeanFactory beanFactory,
			Environment environment, ObjectProvider<TemporalPlugins> pluginBeans) {
		TemporalPlugins plugins = pluginBeans.getIfAvailable(TemporalPlugins::none);
		Map<String, WorkerFactory> factories = new LinkedHashMap<>();
		factories.put(NamespaceProperties.MAIN, workerFactory);
		for (NamespaceConnection namespace : namespaces.all()) {
			if (!namespace.isMain()) {
				// a bean the application declared under the namespace's name wins, as the main factory bean would
				String name = namespace.alias() + "WorkerFactory";
				boolean declared = beanFactory.containsBeanDefinition(name) && !WorkerFactoriesRegistrar.FACTORY_BEAN
					.equals(beanFactory.getBeanDefinition(name).getFactoryBeanName());
				factories.put(namespace.alias(), declared ? beanFactory.getBean(name, WorkerFactory.class)
						: WorkerFactory.newInstance(namespace.client(), PluginOptions.with(
								WorkerFactoryOptionsFactory.create(properties, VirtualThreadsDefault.resolve(environment),
										interceptors.orderedStream().toList(), customizers.orderedStream().toList()),
								plugins.forWorkerFactory(namespace.alias(),
										namespace.client().getOptions().getPlugins()))));
			}
		}
		// the plugins each factory's workers run with: those its client passes on, then its own
		Map<String, List<PluginBean>> onWorkers = new LinkedHashMap<>();
		factories.forEach((alias, factory) -> onWorkers.put(alias,
				plugins.onWorkers(alias, factory.getWorkflowClient().getOptions().getPlugins())));
		return new TemporalWorkerFactories(factories, onWorkers);
	}

	@Bean
	@ConditionalOnMissingBean
	TemporalWorkerRegistry temporalWorkerRegistry(TemporalWorkerFactories workerFactories, TemporalProperties properties,
			ObjectProvider<WorkerOptionsCustomizer> workerCustomizers,
			ObjectProvider<WorkflowImplementationOptionsCustomizer> workflowCustomizers,
			ConfigurableListableBeanFactory beanFactory, Environment environment,
			ObjectProvider<BuildProperties> buildProperties, TemporalNamespaces namespaces,
			ObjectProvider<InProcessServer> embeddedServer, ObjectProvider<ImplementationsCheck> implementationsChecks) {
		// further checks of what is found (the determinism check of workflow code) come as beans
		ImplementationFinder finder = new ImplementationFinder(beanFactory, environment, properties,
				implementationsChecks.orderedStream().toList());
		// virtual threads by default from Java 24 on, before that where Boot's switch is on (VirtualThreadsDefault)
		boolean virtualThreads = VirtualThreadsDefault.resolve(environment);
		// deployment name and build id default to the application's name and its build info, when present
		BuildProperties build = buildProperties.getIfAvailable();
		DeploymentDefaults deploymentDefaults = new DeploymentDefaults(environment.getProperty("spring.application.name"),
				(build != null) ? build.getVersion() : null);
		// a training run (spring.context.exit=onRefresh, for CDS or an AOT cache) must not contact the server
		boolean trainingRun = TrainingRun.isActive();
		// a sticky-queue drain is a choice of sticky execution too
		boolean stickyChosen = !properties.shutdown().stickyQueueDrainTimeout().isZero();
		TestServerStickyExecution testServerSticky = (serverGoesWithContext(properties, embeddedServer) || trainingRun
				|| stickyChosen)
				? TestServerStickyExecution.NEVER
				: new TestServerStickyExecution((alias) -> namespaces.get(alias).probe(), properties.connectTimeout());
		// pollers of workers that leave them unset: autoscaling where the server advertises it, else a shared budget;
		// the embedded server (the SDK's test server) never advertises it, and a training run asks nothing
		PollerDefaults pollerDefaults = new PollerDefaults(properties.pollers(),
				(properties.isEmbedded() || trainingRun) ? (alias) -> null : (alias) -> namespaces.get(alias).probe(),
				properties.connectTimeout());
		return new TemporalWorkerRegistry(workerFactories, properties, finder, workerCustomizers.orderedStream().toList(),
				workflowCustomizers.orderedStream().toList(), virtualThreads, deploymentDefaults, testServerSticky,
				pollerDefaults, beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	TemporalWorkersLifecycle temporalWorkersLifecycle(TemporalWorkerFactories workerFactories,
			TemporalWorkerRegistry registry, TemporalNamespaces namespaces, InFlightActivities inFlight,
			TemporalProperties properties, Environment environment, ObjectProvider<InProcessServer> embeddedServer) {
		Duration drainTimeout = DrainTimeout.resolve(properties.shutdown(), environment);
		TemporalWorkersLifecycle.Settings settings = new TemporalWorkersLifecycle.Settings(drainTimeout,
				properties.failFast(), properties.connectTimeout(),
				pollReturnTimeout(properties, drainTimeout, serverGoesWithContext(properties, embeddedServer)));
		return new TemporalWorkersLifecycle(workerFactories, (alias) -> namespaces.get(alias).probe(), registry, inFlight,
				settings);
	}

	// what health, the endpoint and the metrics read; from the lifecycle in use, the application's own included
	@Bean
	@ConditionalOnMissingBean
	TemporalWorkerStates temporalWorkerStates(TemporalWorkersLifecycle lifecycle) {
		return lifecycle.states();
	}

	// the embedded server ends with the context, unless it is kept across DevTools restarts: then what a stopped
	// worker leaves on it (a sticky queue, a task handed to a cancelled poll) is still there for the next context
	private static boolean serverGoesWithContext(TemporalProperties properties,
			ObjectProvider<InProcessServer> embeddedServer) {
		InProcessServer server = embeddedServer.getIfAvailable();
		return properties.isEmbedded() && (server == null || !server.outlivesContext());
	}

	// not with the embedded server (a task lost at shutdown goes with it) nor with a sticky-queue drain (suspending
	// would stop that polling too); at most half the drain, which is mostly for the tasks in flight
	private static Duration pollReturnTimeout(TemporalProperties properties, Duration drainTimeout,
			boolean serverGoesWithContext) {
		TemporalProperties.Shutdown shutdown = properties.shutdown();
		if (serverGoesWithContext || !shutdown.stickyQueueDrainTimeout().isZero()) {
			return Duration.ZERO;
		}
		Duration half = drainTimeout.dividedBy(2);
		return (shutdown.pollReturnTimeout().compareTo(half) > 0) ? half : shutdown.pollReturnTimeout();
	}

}
