package io.github.workerstarter.test.environment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import io.github.workerstarter.config.NamespaceProperties;
import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.connection.ConnectionOptions;
import io.github.workerstarter.connection.EnvConfigProfile;
import io.github.workerstarter.connection.NamespaceConnection;
import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.connection.TemporalConnectionDetails;
import io.github.workerstarter.connection.TemporalNamespaces;
import io.github.workerstarter.connection.WorkflowClientOptionsCustomizer;
import io.github.workerstarter.connection.WorkflowServiceStubsOptionsCustomizer;
import io.github.workerstarter.embedded.EmbeddedServerAutoConfiguration;
import io.github.workerstarter.embedded.EmbeddedTemporalServer;
import io.github.workerstarter.plugin.PluginOptions;
import io.github.workerstarter.plugin.TemporalPlugins;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.github.workerstarter.worker.WorkerFactoryOptionsCustomizer;
import io.github.workerstarter.worker.VirtualThreadsDefault;
import io.github.workerstarter.worker.WorkerFactoryOptionsFactory;
import io.github.workerstarter.test.replay.ProducedHistoriesCheck;
import io.github.workerstarter.test.replay.WorkflowHistoryReplayer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;

/**
 * Runs the application's workers on the SDK's {@link TestWorkflowEnvironment}: an in-process test server with time
 * skipping. The environment is built with the options the starter would give a real connection (converter, codecs,
 * interceptors, customizers, metrics scope, namespace), and its stubs, client and worker factory become the beans the
 * starter's own auto-configuration then backs off for. So the one worker registry, lifecycle, health indicator,
 * metrics and endpoint run unchanged on it, and a client call that waits for a workflow's result skips time (the
 * environment's client carries the SDK's time-locking interceptor).
 *
 * <p>On whenever the test module is on the classpath; {@code temporal.test.environment.enabled=false} goes back to
 * {@code temporal.target}, and a service connection (a Testcontainers {@code @ServiceConnection} on a Temporal
 * container) is used instead of the environment.
 */
@AutoConfiguration(before = { EmbeddedServerAutoConfiguration.class, TemporalConnectionAutoConfiguration.class },
		after = TemporalTestPropertiesAutoConfiguration.class)
@ConditionalOnClass(TestWorkflowEnvironment.class)
@ConditionalOnBooleanProperty(name = "temporal.test.environment.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(TemporalConnectionDetails.class)
@EnableConfigurationProperties({ TemporalProperties.class, TemporalTestProperties.class })
public final class TestEnvironmentAutoConfiguration {

	/** How the endpoint and the health indicator name the server. */
	static final String TARGET_DESCRIPTION = "test environment (in-process)";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	TestWorkflowEnvironment temporalTestWorkflowEnvironment(TemporalProperties properties, TemporalTestProperties test,
			Environment environment, ObjectProvider<EnvConfigProfile> envConfigProfile,
			ObjectProvider<DataConverter> dataConverter, ObjectProvider<PayloadCodec> codecs,
			ObjectProvider<WorkflowClientInterceptor> clientInterceptors,
			ObjectProvider<WorkflowClientOptionsCustomizer> clientCustomizers,
			ObjectProvider<WorkflowServiceStubsOptionsCustomizer> stubsCustomizers,
			ObjectProvider<WorkerInterceptor> workerInterceptors,
			ObjectProvider<WorkerFactoryOptionsCustomizer> workerFactoryCustomizers,
			ObjectProvider<TestEnvironmentOptionsCustomizer> customizers, ObjectProvider<TemporalPlugins> pluginBeans) {
		// the application's plugins, placed as the starter places them on a real connection
		TemporalPlugins plugins = pluginBeans.getIfAvailable(TemporalPlugins::none);
		WorkflowServiceStubsOptions stubs = PluginOptions
			.addTo(ConnectionOptions.inProcessServiceStubs(properties, stubsCustomizers.orderedStream().toList()),
					plugins.forServiceStubs(TemporalPlugins.sharingMainConnection(properties)))
			.build();
		WorkflowClientOptions client = PluginOptions.with(ConnectionOptions.workflowClient(properties, environment,
				envConfigProfile.getIfAvailable(), dataConverter.getIfUnique(), codecs.orderedStream().toList(),
				clientInterceptors.orderedStream().toList(), clientCustomizers.orderedStream().toList()),
				plugins.forWorkflowClient(NamespaceProperties.MAIN, stubs.getPlugins()));
		TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
			.setWorkflowServiceStubsOptions(stubs)
			.setWorkflowClientOptions(client)
			.setWorkerFactoryOptions(PluginOptions.with(
					WorkerFactoryOptionsFactory.create(properties, VirtualThreadsDefault.resolve(environment),
							workerInterceptors.orderedStream().toList(), workerFactoryCustomizers.orderedStream().toList()),
					plugins.forWorkerFactory(NamespaceProperties.MAIN,
							TemporalPlugins.clientPlugins(stubs, client.getPlugins()))))
			.setUseTimeskipping(test.environment().timeSkipping());
		if (test.environment().initialTime() != null) {
			options.setInitialTime(test.environment().initialTime());
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(options));
		return TestWorkflowEnvironment.newInstance(options.build());
	}

	// the environment owns (and closes) its stubs and factory; Spring must not shut them down first
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	WorkflowServiceStubs temporalWorkflowServiceStubs(TestWorkflowEnvironment testEnvironment) {
		return testEnvironment.getWorkflowServiceStubs();
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowClient temporalWorkflowClient(TestWorkflowEnvironment testEnvironment,
			TimeSkippingNamespaceClients timeSkippingNamespaceClients) {
		WorkflowClient client = testEnvironment.getWorkflowClient();
		timeSkippingNamespaceClients.capture(client);
		return client;
	}

	// last, so that it appends to whatever interceptors the other customizers set
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	TimeSkippingNamespaceClients temporalTimeSkippingNamespaceClients() {
		return new TimeSkippingNamespaceClients();
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	WorkerFactory temporalWorkerFactory(TestWorkflowEnvironment testEnvironment) {
		return testEnvironment.getWorkerFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	ServerProbe temporalServerProbe(TestWorkflowEnvironment testEnvironment) {
		return new ServerProbe(testEnvironment.getWorkflowServiceStubs(), testEnvironment.getNamespace(),
				TARGET_DESCRIPTION) {

			// the test server in this JVM goes away with the context: no stopped instance can strand a sticky task,
			// so the starter keeps sticky execution (and its speed) in tests
			@Override
			public boolean isSdkTestServer() {
				return false;
			}

			// likewise a task lost to a poll cancelled at shutdown goes with it: closing a test's context does not
			// wait for polls to come back
			@Override
			public boolean completesPollsOnShutdown() {
				return true;
			}

		};
	}

	// a test written before the test module was added, under temporal.target: embedded, injects the server it ran on
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "temporal", name = "target", havingValue = "embedded")
	EmbeddedTemporalServer embeddedTemporalServer(TestWorkflowEnvironment testEnvironment) {
		return EmbeddedTemporalServer.sharing(testEnvironment.getWorkflowServiceStubs().getRawChannel());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkflowHistoryReplayer temporalWorkflowHistoryReplayer(ObjectProvider<TemporalWorkerRegistry> registry) {
		return new WorkflowHistoryReplayer(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(ReplayOrRecord.class)
	ProducedHistoriesCheck temporalProducedHistoriesCheck(TestWorkflowEnvironment testEnvironment,
			WorkflowHistoryReplayer replayer, ObjectProvider<TemporalNamespaces> namespaces, TemporalTestProperties test) {
		// those sharing the main stubs, the environment's; one with a connection of its own is on another server
		return new ProducedHistoriesCheck(testEnvironment, replayer, () -> namespaces.stream()
			.flatMap((all) -> all.all()
				.stream()
				.filter((namespace) -> namespace.stubs() == all.get(NamespaceProperties.MAIN).stubs()))
			.map(NamespaceConnection::client)
			.toList(), test.replay().enabled(), test.replay().recordTo());
	}

	/** The histories are read after each test to replay them, to record them, or both. */
	static final class ReplayOrRecord extends AnyNestedCondition {

		ReplayOrRecord() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty(name = "temporal.test.replay.enabled", matchIfMissing = true)
		static final class Replay {

		}

		@ConditionalOnProperty(name = "temporal.test.replay.record-to")
		static final class Record {

		}

	}

}
