package io.github.workerstarter.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;

import io.github.workerstarter.TemporalTestSupport;
import io.github.workerstarter.annotation.PluginNamespaces;
import io.github.workerstarter.annotation.WorkflowImpl;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingActivitiesImpl;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.plugin.Ledger;
import io.github.workerstarter.fixtures.plugin.LedgerPlugin;
import io.github.workerstarter.fixtures.plugin.LedgerPluginConfiguration;
import io.github.workerstarter.fixtures.plugin.LedgerReportWorkflowImpl;
import io.github.workerstarter.registration.TemporalImplementation;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SimplePlugin;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkerPlugin;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporal SDK plugin beans on the embedded server: each applied once, at the highest level it fits, in
 * {@code @Order}, in the namespaces {@code @PluginNamespaces} allows; what they register themselves is in the one
 * registry; what they change is in effect, end to end.
 */
@ExtendWith(OutputCaptureExtension.class)
class TemporalPluginsTests {

	private static ApplicationContextRunner greetings() {
		return runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.workflows=true")
			.withUserConfiguration(GreetingFixtures.class);
	}

	@Test
	void aSimplePluginsClientInterceptorWorkerInterceptorAndWorkerOptionEachTakeEffectOnce() {
		greetings().withUserConfiguration(LedgerPluginConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			String workflowId = "greet-" + UUID.randomUUID();
			assertThat(run(context.getBean(WorkflowClient.class), "Greet", workflowId, "Ada")).isEqualTo("Hello, Ada!");
			// the client interceptor saw the start, the worker interceptor the activity: each exactly once, so the
			// plugin was applied once although it is a stubs, client and worker plugin at the same time
			assertThat(context.getBean(Ledger.class).entries()).containsExactly("start " + workflowId + " Greet",
					"activity GreetingCompose for " + workflowId);
			// the worker option: the identity the server recorded for the activity's worker
			assertThat(activityWorkerIdentity(context, workflowId)).isEqualTo("ledger@greetings");
			// on the stubs, handed down to the client by the SDK, not set there again
			LedgerPlugin plugin = context.getBean(LedgerPlugin.class);
			assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getPlugins()).containsExactly(plugin);
			assertThat(context.getBean(WorkflowClient.class).getOptions().getPlugins()).containsExactly(plugin);
			assertThat(context.getBean(TemporalPlugins.class).placements().get(bean(context, "ledgerPlugin")))
				.isEqualTo(Map.of("main", TemporalPlugins.SERVICE_STUBS));
		});
	}

	@Test
	void whatAPluginRegistersItselfRunsAndIsListedWithTheBeans(CapturedOutput output) {
		greetings().withUserConfiguration(LedgerPluginConfiguration.class).run((context) -> {
			String workflowId = "report-" + UUID.randomUUID();
			assertThat(run(context.getBean(WorkflowClient.class), "LedgerReport", workflowId, "acme"))
				.isEqualTo("report for acme: 42.00");
			RegisteredWorker worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0);
			assertThat(worker.workflowTypes()).containsExactly("Greet", "LedgerReport");
			assertThat(worker.activityTypes()).containsExactly("GreetingCompose", "LedgerBalance");
			assertThat(worker.plugins()).containsExactly("acme.ledger");
			TemporalImplementation report = worker.implementations()
				.stream()
				.filter(TemporalImplementation::isFromPlugin)
				.filter((implementation) -> implementation.typeNames().contains("LedgerReport"))
				.findFirst()
				.orElseThrow();
			assertThat(report.plugin()).isEqualTo("acme.ledger");
			assertThat(report.beanName()).isEqualTo("ledgerPlugin");
			assertThat(report.type()).isEqualTo(LedgerReportWorkflowImpl.class);
			assertThat(output).contains("Temporal worker for task queue 'greetings' in namespace 'default': workflows "
					+ "[Greet, LedgerReport], activities [GreetingCompose, LedgerBalance]")
				.contains("; plugins [acme.ledger]")
				.contains("Temporal plugins, in order: plugin 'acme.ledger' (bean 'ledgerPlugin') [SimplePlugin] on the "
						+ "service stubs of namespace main");
		});
	}

	@Test
	void aPluginWinsOverAPropertyForTheSameOptionAndSaysSo(CapturedOutput output) {
		greetings().withUserConfiguration(LedgerPluginConfiguration.class)
			.withPropertyValues("temporal.workers.greetings.identity=from-property")
			.run((context) -> {
				Worker worker = context.getBean(WorkerFactory.class).getWorker("greetings");
				assertThat(worker.getWorkerOptions().getIdentity()).isEqualTo("ledger@greetings");
				assertThat(output).contains("A Temporal plugin (acme.ledger) changed identity of the worker for task "
						+ "queue 'greetings' from from-property (temporal.workers.greetings.identity or "
						+ "temporal.worker-defaults.identity) to ledger@greetings.");
			});
	}

	@Test
	void pluginsApplyInOrderAndTheLastOneToSetAnOptionWins() {
		greetings().withUserConfiguration(OrderedPlugins.class).run((context) -> {
			assertThat(context.getBean(TemporalPlugins.class).all()).extracting(PluginBean::name)
				.containsExactly("first", "second");
			assertThat(context.getBean(Calls.class).calls).containsExactly("first", "second");
			assertThat(identity(context)).isEqualTo("second");
		});
		greetings().withUserConfiguration(ReversedPlugins.class).run((context) -> {
			assertThat(context.getBean(TemporalPlugins.class).all()).extracting(PluginBean::name)
				.containsExactly("second", "first");
			assertThat(context.getBean(Calls.class).calls).containsExactly("second", "first");
			assertThat(identity(context)).isEqualTo("first");
		});
	}

	@Test
	void aPluginLimitedToOneNamespaceTakesEffectThereOnly() {
		twoNamespaces().withUserConfiguration(BillingOnlyLedger.class).run((context) -> {
			assertThat(context).hasNotFailed();
			String mainId = "greet-" + UUID.randomUUID();
			String billingId = "greet-billing-" + UUID.randomUUID();
			assertThat(run(context.getBean(WorkflowClient.class), "Greet", mainId, "Ada")).isEqualTo("Hello, Ada!");
			assertThat(run(context.getBean("billingWorkflowClient", WorkflowClient.class), "Greet", billingId, "Bob"))
				.isEqualTo("Hello, Bob!");
			assertThat(context.getBean(Ledger.class).entries()).containsExactly("start " + billingId + " Greet",
					"activity GreetingCompose for " + billingId);
			List<RegisteredWorker> workers = context.getBean(TemporalWorkerRegistry.class).workers();
			assertThat(workers.get(0).plugins()).isEmpty();
			assertThat(workers.get(0).workflowTypes()).containsExactly("Greet");
			assertThat(workers.get(1).plugins()).containsExactly("acme.ledger");
			assertThat(workers.get(1).workflowTypes()).containsExactly("Greet", "LedgerReport");
			// the two namespaces share the embedded server's stubs: the plugin goes on billing's client instead
			assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getPlugins()).isEmpty();
			assertThat(context.getBean(TemporalPlugins.class).placements().get(bean(context, "ledgerPlugin")))
				.isEqualTo(Map.of("billing", TemporalPlugins.WORKFLOW_CLIENT));
			assertThat(activityWorkerIdentity(context, mainId)).isEqualTo("main");
		});
	}

	@Test
	void aLimitedPluginGoesOnTheStubsOfANamespaceWithAConnectionOfItsOwn() {
		// a client-only application: nothing contacts the servers at startup
		runner().withPropertyValues("temporal.target=127.0.0.1:1", "temporal.namespaces.billing.target=127.0.0.1:2")
			.withUserConfiguration(StubsConfiguringBillingPlugin.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Object plugin = context.getBean("stubsPlugin");
				assertThat(context.getBean("billingWorkflowServiceStubs", WorkflowServiceStubs.class).getOptions()
					.getPlugins()).containsExactly((StubsConfiguringPlugin) plugin);
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getPlugins()).isEmpty();
				// what it set on the stubs is in effect there only
				assertThat(context.getBean("billingWorkflowServiceStubs", WorkflowServiceStubs.class).getOptions()
					.getRpcTimeout()).isEqualTo(Duration.ofSeconds(42));
				assertThat(context.getBean(WorkflowServiceStubs.class).getOptions().getRpcTimeout())
					.isNotEqualTo(Duration.ofSeconds(42));
			});
	}

	@Test
	void aLimitedPluginThatConfiguresStubsSharedWithOtherNamespacesFailsStartup() {
		twoNamespaces().withUserConfiguration(StubsConfiguringBillingPlugin.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).isEqualTo("Plugin 'stubs-tuner' (bean 'stubsPlugin') is limited to "
					+ "namespace billing (@PluginNamespaces) and configures the gRPC service stubs, but namespaces "
					+ "[main, billing] share one connection: on it the plugin would reach [main] too.");
			assertThat(failure.getAction()).startsWith("Give temporal.namespaces.billing a connection of its own");
		});
	}

	@Test
	void anUnknownNamespaceInPluginNamespacesFailsWithDidYouMean() {
		twoNamespaces().withUserConfiguration(MisspeltNamespacePlugin.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).isEqualTo("Plugin bean 'misspelt' (acme.ledger) is annotated "
					+ "@PluginNamespaces(\"biling\"), but no namespace has the alias 'biling'. Aliases: [main, billing].");
			assertThat(failure.getAction()).contains("Did you mean 'billing'?");
		});
	}

	@Test
	void aTypeThatAPluginAndABeanBothRegisterOnAQueueFailsStartupNamingBoth() {
		greetings().withUserConfiguration(LedgerPluginConfiguration.class, ReportWorkflowBean.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).isEqualTo("Task queue 'greetings' has two implementations of workflow "
					+ "type 'LedgerReport': bean 'reportWorkflow' (" + LedgerReportWorkflowImpl.class.getName()
					+ ") and class " + LedgerReportWorkflowImpl.class.getName()
					+ " registered by plugin 'acme.ledger' (bean 'ledgerPlugin'). The worker could only run one of them.");
			assertThat(failure.getAction()).contains("limit it with @PluginNamespaces");
		});
	}

	@Test
	void aTypeAPluginRegistersInItsOwnInitializeWorkerCodeAndABeanTooFailsStartup() {
		greetings().withUserConfiguration(InitializingPlugin.class).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).isEqualTo("Task queue 'greetings': bean 'greetingActivitiesImpl' ("
					+ GreetingActivitiesImpl.class.getName() + ") implements activity type 'GreetingCompose', which a "
					+ "plugin on this worker [initializer] already registered in its initializeWorker.");
		});
	}

	@Test
	void aPluginRegisteringWorkflowsOnAnActivityOnlyWorkerFailsStartup() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.payments.workflows=false")
			.withUserConfiguration(LedgerPluginConfiguration.class)
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).isEqualTo("Class " + LedgerReportWorkflowImpl.class.getName()
						+ " registered by plugin 'acme.ledger' (bean 'ledgerPlugin') goes on every worker of its "
						+ "namespace, task queue 'payments' among them, but that worker does not run workflows (its "
						+ "workflows property is false).");
				assertThat(failure.getAction()).contains("@PluginNamespaces");
			});
	}

	@Test
	void aWorkerPluginThatIsNoClientPluginGoesOnTheWorkerFactory() {
		greetings().withUserConfiguration(WorkerOnlyPluginConfiguration.class).run((context) -> {
			WorkerOnlyPlugin plugin = context.getBean(WorkerOnlyPlugin.class);
			assertThat(context.getBean(WorkflowClient.class).getOptions().getPlugins()).isEmpty();
			assertThat(identity(context)).isEqualTo("worker-only");
			assertThat(plugin.initialized).containsExactly("greetings");
			assertThat(context.getBean(TemporalPlugins.class).placements().get(bean(context, "workerOnlyPlugin")))
				.isEqualTo(Map.of("main", TemporalPlugins.WORKER_FACTORY));
			// its factory hooks run with the lifecycle: started with the context
			assertThat(plugin.factoryStarts).isEqualTo(1);
		});
	}

	private static ApplicationContextRunner twoNamespaces() {
		return runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.identity=main",
				"temporal.namespaces.billing.namespace=billing-ns", "temporal.workers.billing-greetings.namespace=billing",
				"temporal.workers.billing-greetings.task-queue=greetings")
			.withUserConfiguration(GreetingFixtures.class);
	}

	private static PluginBean bean(ApplicationContext context, String name) {
		return context.getBean(TemporalPlugins.class)
			.all()
			.stream()
			.filter((plugin) -> name.equals(plugin.beanName()))
			.findFirst()
			.orElseThrow();
	}

	private static String identity(ApplicationContext context) {
		return context.getBean(WorkerFactory.class).getWorker("greetings").getWorkerOptions().getIdentity();
	}

	static String run(WorkflowClient client, String type, String workflowId, String input) {
		WorkflowStub stub = client.newUntypedWorkflowStub(type, WorkflowOptions.newBuilder()
			.setTaskQueue("greetings")
			.setWorkflowId(workflowId)
			.setWorkflowRunTimeout(Duration.ofSeconds(30))
			.build());
		stub.start(input);
		return stub.getResult(String.class);
	}

	private static String activityWorkerIdentity(ApplicationContext context, String workflowId) {
		return TemporalTestSupport.history(context, workflowId).getEventsList()
			.stream()
			.filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
			.findFirst()
			.orElseThrow()
			.getActivityTaskStartedEventAttributes()
			.getIdentity();
	}

	/** What the ordering plugins were called with. */
	static class Calls {

		final List<String> calls = new CopyOnWriteArrayList<>();

	}

	/** Records its configureWorker call and sets the worker's identity to its name. */
	static class NamingPlugin extends SimplePlugin {

		private final Calls calls;

		NamingPlugin(String name, Calls calls) {
			super(name);
			this.calls = calls;
		}

		@Override
		public void configureWorker(String taskQueue, WorkerOptions.Builder builder) {
			this.calls.calls.add(getName());
			builder.setIdentity(getName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedPlugins {

		@Bean
		Calls calls() {
			return new Calls();
		}

		@Bean
		@Order(2)
		NamingPlugin second(Calls calls) {
			return new NamingPlugin("second", calls);
		}

		@Bean
		@Order(1)
		NamingPlugin first(Calls calls) {
			return new NamingPlugin("first", calls);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReversedPlugins {

		@Bean
		Calls calls() {
			return new Calls();
		}

		@Bean
		@Order(1)
		NamingPlugin second(Calls calls) {
			return new NamingPlugin("second", calls);
		}

		@Bean
		@Order(2)
		NamingPlugin first(Calls calls) {
			return new NamingPlugin("first", calls);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BillingOnlyLedger {

		@Bean
		Ledger ledger() {
			return new Ledger();
		}

		@Bean
		@PluginNamespaces("billing")
		LedgerPlugin ledgerPlugin(Ledger ledger) {
			return new LedgerPlugin(ledger);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MisspeltNamespacePlugin {

		@Bean
		@PluginNamespaces("biling")
		LedgerPlugin misspelt() {
			return new LedgerPlugin(new Ledger());
		}

	}

	/** Sets the RPC timeout of the stubs it is applied to: a plugin that acts on the connection itself. */
	static class StubsConfiguringPlugin extends SimplePlugin {

		StubsConfiguringPlugin() {
			super("stubs-tuner");
		}

		@Override
		public void configureServiceStubs(WorkflowServiceStubsOptions.Builder builder) {
			builder.setRpcTimeout(Duration.ofSeconds(42));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StubsConfiguringBillingPlugin {

		@Bean
		@PluginNamespaces("billing")
		StubsConfiguringPlugin stubsPlugin() {
			return new StubsConfiguringPlugin();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReportWorkflowBean {

		@Bean
		@Scope("prototype")
		@WorkflowImpl(taskQueues = "greetings")
		LedgerReportWorkflowImpl reportWorkflow() {
			return new LedgerReportWorkflowImpl();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InitializingPlugin {

		@Bean
		SimplePlugin initializer() {
			// registrations made in code the starter cannot read ahead of time
			return SimplePlugin.newBuilder("initializer")
				.initializeWorker((taskQueue, worker) -> worker.registerActivitiesImplementations(new GreetingActivitiesImpl()))
				.build();
		}

	}

	/** A worker plugin and nothing else: sets the identity, records what it initializes and factory starts. */
	static class WorkerOnlyPlugin implements WorkerPlugin {

		final List<String> initialized = new CopyOnWriteArrayList<>();

		volatile int factoryStarts;

		@Override
		public String getName() {
			return "worker-only";
		}

		@Override
		public void configureWorkerFactory(WorkerFactoryOptions.Builder builder) {
		}

		@Override
		public void configureWorker(String taskQueue, WorkerOptions.Builder builder) {
			builder.setIdentity("worker-only");
		}

		@Override
		public void initializeWorker(String taskQueue, Worker worker) {
			this.initialized.add(taskQueue);
		}

		@Override
		public void startWorker(String taskQueue, Worker worker, BiConsumer<String, Worker> next) {
			next.accept(taskQueue, worker);
		}

		@Override
		public void shutdownWorker(String taskQueue, Worker worker, BiConsumer<String, Worker> next) {
			next.accept(taskQueue, worker);
		}

		@Override
		public void startWorkerFactory(WorkerFactory factory, Consumer<WorkerFactory> next) {
			this.factoryStarts++;
			next.accept(factory);
		}

		@Override
		public void shutdownWorkerFactory(WorkerFactory factory, Consumer<WorkerFactory> next) {
			next.accept(factory);
		}

		@Override
		public void replayWorkflowExecution(Worker worker, WorkflowExecutionHistory history, ReplayCallback next)
				throws Exception {
			next.replay(worker, history);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WorkerOnlyPluginConfiguration {

		@Bean
		WorkerOnlyPlugin workerOnlyPlugin() {
			return new WorkerOnlyPlugin();
		}

	}

}
