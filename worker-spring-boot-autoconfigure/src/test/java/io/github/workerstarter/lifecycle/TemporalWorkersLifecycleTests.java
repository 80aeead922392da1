package io.github.workerstarter.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.connection.ServerProbe;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.greet;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TemporalWorkersLifecycleTests {

	@Test
	void workersPollOnceTheContextIsRefreshed() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class).run((context) -> {
			assertThat(context.getBean(TemporalWorkersLifecycle.class).isRunning()).isTrue();
			assertThat(context.getBean(WorkerFactory.class).isStarted()).isTrue();
			assertThat(greet(context, "greetings", "Dan")).isEqualTo("Hello, Dan!");
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void oneLineSaysHowLongTheWayFromRefreshToPollingTookAndWhere(CapturedOutput output) {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.workers.farewells.activities=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsPattern("Temporal workers polling \\d+ ms after the application context began "
				+ "refreshing: annotated beans found in \\d+ ms; workers built: 'greetings' \\d+ ms, 'farewells' \\d+ ms; "
				+ "namespace 'default' checked in \\d+ ms \\(start\\(\\) waited \\d+ ms for it\\); workers started in "
				+ "\\d+ ms");
	}

	@Test
	void theNamespaceIsCheckedWhileTheContextRefreshesAndOnlyOnce() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class, RecordingProbe.class)
			.run((context) -> {
				assertThat(context.getBean(WorkerFactory.class).isStarted()).isTrue();
				// asked from its own thread while the context was refreshing; start() took that answer
				assertThat(context.getBean(RecordingProbe.class).threads).containsExactly("temporal-namespace-check-main");
			});
	}

	@Test
	void aClientOnlyApplicationDoesNotContactTheServerAtStartup() {
		runner().withPropertyValues("temporal.target=embedded")
			.withUserConfiguration(RecordingProbe.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RecordingProbe.class).threads).isEmpty();
			});
	}

	@Test
	void stopSuspendsPollingAndStartResumesIt() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class).run((context) -> {
			var worker = context.getBean(TemporalWorkerRegistry.class).workers().get(0).worker();
			context.stop();
			assertThat(worker.isSuspended()).isTrue();
			assertThat(context.getBean(WorkerFactory.class).isShutdown()).isFalse();

			// a workflow started while stopped is accepted by the server (polls already in flight when polling
			// was suspended may still hand it to the worker: the SDK does not cancel them)
			WorkflowStub stub = context.getBean(WorkflowClient.class)
				.newUntypedWorkflowStub("Greet", WorkflowOptions.newBuilder().setTaskQueue("greetings").build());
			stub.start("Fay");
			CompletableFuture<String> result = stub.getResultAsync(String.class);

			// it completes with polling resumed
			context.start();
			assertThat(worker.isSuspended()).isFalse();
			assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("Hello, Fay!");
		});
	}

	@Test
	void closingTheContextShutsTheWorkersDown() {
		WorkerFactory[] factory = new WorkerFactory[1];
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.run((context) -> factory[0] = context.getBean(WorkerFactory.class));
		assertThat(factory[0].isShutdown()).isTrue();
		assertThat(factory[0].isTerminated()).isTrue();
	}

	@Test
	void workerOnlyApplicationHoldsANonDaemonThreadUntilClosed() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerOnlyApplication.class)
			.web(WebApplicationType.NONE)
			.properties("temporal.target=embedded", "temporal.workers.greetings.identity=worker-only")
			.run();
		try {
			assertThat(keepAliveThread()).isNotNull().satisfies((thread) -> assertThat(thread.isDaemon()).isFalse());
		}
		finally {
			context.close();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> keepAliveThread() == null);
	}

	@Test
	void commandLineRunnerCanStartAndAwaitAWorkflow() {
		// workers start during refresh, before runners: a runner that waits on a workflow must not deadlock
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RunnerApplication.class)
			.web(WebApplicationType.NONE)
			.properties("temporal.target=embedded", "temporal.workers.greetings.identity=runner")
			.run();
		try {
			assertThat(context.getBean(RunnerApplication.class).result).isEqualTo("Hello, Runner!");
		}
		finally {
			context.close();
		}
	}

	private static Thread keepAliveThread() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("temporal-workers-keepalive") && thread.isAlive())
			.findFirst()
			.orElse(null);
	}

	/** A probe that records the thread of each namespace check. */
	@Configuration(proxyBeanMethods = false)
	static class RecordingProbe {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Bean
		ServerProbe recordingServerProbe(WorkflowServiceStubs stubs) {
			return new ServerProbe(stubs, "default", "in-process") {
				@Override
				public Result describeNamespace(Duration timeout) {
					RecordingProbe.this.threads.add(Thread.currentThread().getName());
					return super.describeNamespace(timeout);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(GreetingFixtures.class)
	static class WorkerOnlyApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(GreetingFixtures.class)
	static class RunnerApplication {

		volatile String result;

		@Bean
		CommandLineRunner greetOnStartup(WorkflowClient client) {
			return (args) -> {
				WorkflowStub stub = client.newUntypedWorkflowStub("Greet",
						WorkflowOptions.newBuilder().setTaskQueue("greetings").build());
				stub.start("Runner");
				this.result = stub.getResult(20, TimeUnit.SECONDS, String.class);
			};
		}

	}

}
