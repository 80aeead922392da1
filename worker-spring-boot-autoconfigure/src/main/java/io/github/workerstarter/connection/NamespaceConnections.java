package io.github.workerstarter.connection;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.plugin.PluginOptions;
import io.github.workerstarter.plugin.TemporalPlugins;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Builds the further namespaces of {@code temporal.namespaces} next to the main one: each with its own stubs when it
 * has a connection of its own (else the main stubs), a client with the main client's converter, codecs,
 * interceptors and customizers, a schedule client and a probe. A bean the application declares under a namespace's
 * bean name ({@code <alias>WorkflowServiceStubs}, {@code <alias>WorkflowClient}, {@code <alias>ScheduleClient})
 * replaces the starter's.
 */
public final class NamespaceConnections {

	private final TemporalProperties properties;

	private final ConfigurableListableBeanFactory beanFactory;

	private final @Nullable SslBundles sslBundles;

	private final List<WorkflowServiceStubsOptionsCustomizer> stubsCustomizers;

	private final @Nullable DataConverter dataConverter;

	private final List<PayloadCodec> codecs;

	private final List<WorkflowClientInterceptor> interceptors;

	private final List<WorkflowClientOptionsCustomizer> clientCustomizers;

	public NamespaceConnections(TemporalProperties properties, ConfigurableListableBeanFactory beanFactory,
			@Nullable SslBundles sslBundles, List<WorkflowServiceStubsOptionsCustomizer> stubsCustomizers,
			@Nullable DataConverter dataConverter, List<PayloadCodec> codecs, List<WorkflowClientInterceptor> interceptors,
			List<WorkflowClientOptionsCustomizer> clientCustomizers) {
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.sslBundles = sslBundles;
		this.stubsCustomizers = stubsCustomizers;
		this.dataConverter = dataConverter;
		this.codecs = codecs;
		this.interceptors = interceptors;
		this.clientCustomizers = clientCustomizers;
	}

	/**
	 * All namespaces.
	 * @param main the main namespace, from the main beans
	 * @return the namespaces, the main one first
	 */
	public TemporalNamespaces build(NamespaceConnection main) {
		return build(main, TemporalPlugins.none());
	}

	/**
	 * All namespaces, each further one with the Temporal SDK plugins that apply to it.
	 * @param main the main namespace, from the main beans
	 * @param plugins the application's plugin beans
	 * @return the namespaces, the main one first
	 */
	public TemporalNamespaces build(NamespaceConnection main, TemporalPlugins plugins) {
		List<NamespaceConnection> connections = new ArrayList<>(List.of(main));
		List<WorkflowServiceStubs> ownStubs = new ArrayList<>();
		this.properties.namespaces().forEach((alias, namespace) -> {
			WorkflowServiceStubs stubs = applicationBean(alias + "WorkflowServiceStubs", WorkflowServiceStubs.class);
			String target = (stubs != null && stubs.getOptions().getTarget() != null) ? stubs.getOptions().getTarget()
					: main.probe().target();
			if (stubs == null && namespace.hasOwnConnection()) {
				ConnectionSettings settings = ConnectionSettings.of(alias, namespace, this.properties.target());
				EnvConfigProfile profile = settings.envConfig().enabled()
						? EnvConfigProfile.load(settings, this.beanFactory.getBeanClassLoader()) : null;
				stubs = ServiceStubsFactory.create(settings, profile, this.sslBundles, this.stubsCustomizers,
						plugins.forServiceStubs(List.of(alias)));
				ownStubs.add(stubs);
				target = (stubs.getOptions().getTarget() != null) ? stubs.getOptions().getTarget() : settings.target();
			}
			if (stubs == null) {
				stubs = main.stubs();
			}
			connections.add(connection(alias, namespace, stubs, target, plugins));
		});
		return new TemporalNamespaces(connections, ownStubs);
	}

	private NamespaceConnection connection(String alias, NamespaceProperties namespace, WorkflowServiceStubs stubs,
			String target, TemporalPlugins plugins) {
		String name = namespace.namespaceOr(alias);
		WorkflowClient client = applicationBean(alias + "WorkflowClient", WorkflowClient.class);
		if (client == null) {
			String identity = namespace.hasOwnConnection() && namespace.connection() != null
					? namespace.connection().identity() : this.properties.connection().identity();
			WorkflowClientOptions options = ConnectionOptions.namespaceClient(this.properties, name, identity,
					this.dataConverter, this.codecs, interceptorsFor(stubs, target), this.clientCustomizers);
			client = WorkflowClient.newInstance(stubs,
					PluginOptions.with(options, plugins.forWorkflowClient(alias, stubs.getOptions().getPlugins())));
		}
		ScheduleClient scheduleClient = applicationBean(alias + "ScheduleClient", ScheduleClient.class);
		if (scheduleClient == null) {
			scheduleClient = ConnectionOptions.scheduleClient(stubs, client,
					plugins.forScheduleClient(alias, stubs.getOptions().getPlugins()));
		}
		return new NamespaceConnection(alias, client.getOptions().getNamespace(), stubs, client, scheduleClient,
				new ServerProbe(stubs, client.getOptions().getNamespace(), target));
	}

	// the call timeout watches the channel of the connection its client uses
	private List<WorkflowClientInterceptor> interceptorsFor(WorkflowServiceStubs stubs, String target) {
		return this.interceptors.stream()
			.map((interceptor) -> (interceptor instanceof ClientCallTimeoutInterceptor timeout)
					? timeout.forChannel(stubs.getRawChannel(), target) : interceptor)
			.toList();
	}

	// a bean the application declared under this name (not one of ours, which come from TemporalNamespaces itself)
	private <T> @Nullable T applicationBean(String name, Class<T> type) {
		if (!this.beanFactory.containsBeanDefinition(name)) {
			return null;
		}
		BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
		if (NamespaceBeansRegistrar.FACTORY_BEAN.equals(definition.getFactoryBeanName())) {
			return null;
		}
		return this.beanFactory.getBean(name, type);
	}

}
