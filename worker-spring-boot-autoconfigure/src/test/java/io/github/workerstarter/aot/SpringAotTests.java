package io.github.workerstarter.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.determinism.DeterminismProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.endpoint.TemporalEndpointProperties;
import io.github.workerstarter.fixtures.determinism.DeterminismFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingActivities;
import io.github.workerstarter.fixtures.greeting.GreetingActivitiesImpl;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.fixtures.greeting.GreetingWorkflow;
import io.github.workerstarter.fixtures.greeting.GreetingWorkflowImpl;
import io.github.workerstarter.fixtures.nexus.GreetingNexusService;
import io.github.workerstarter.fixtures.nexus.GreetingNexusServiceImpl;
import io.github.workerstarter.fixtures.nexus.NexusFixtures;
import io.github.workerstarter.fixtures.nonconcrete.NonConcreteApplication;
import io.github.workerstarter.fixtures.shipment.Shipment;
import io.github.workerstarter.fixtures.shipment.ShipmentActivities;
import io.github.workerstarter.fixtures.shipment.ShipmentFixtures;
import io.github.workerstarter.fixtures.shipment.ShipmentWorkflow;
import io.github.workerstarter.metrics.TemporalMetricsProperties;
import io.github.workerstarter.testing.JavaProcess;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.aot.hint.predicate.RuntimeHintsPredicates.proxies;
import static org.springframework.aot.hint.predicate.RuntimeHintsPredicates.reflection;

/**
 * The starter under Spring AOT, as {@code spring-boot:process-aot} and {@code -Dspring.aot.enabled=true} run it: an
 * application is processed ahead of time by Spring Boot's own processor, the generated code compiled, and the
 * application started from it in a JVM of its own, where the prototype workflow beans, the registry, the lifecycle,
 * the properties binding and the post-processors work without configuration classes being parsed. And the runtime
 * hints a native image needs for what the SDK reflects on, checked with Spring's {@code RuntimeHintsPredicates}; a
 * native image itself cannot be built on these machines (no GraalVM).
 */
class SpringAotTests {

	private static final String STUB_MARKER = "io.temporal.internal.sync.StubMarker";

	private static final String ASYNC_MARKER = "io.temporal.internal.sync.AsyncInternal$AsyncMarker";

	@Test
	void anApplicationProcessedAheadOfTimeStartsFromTheGeneratedCodeAndRunsWorkflows(@TempDir Path build)
			throws IOException {
		Path sources = build.resolve("sources");
		Path resources = build.resolve("resources");
		Path classes = build.resolve("classes");
		// what spring-boot:process-aot does: run the application up to its refreshed bean definitions, generate code
		JavaProcess processing = JavaProcess.run(List.of(), SpringApplicationAotProcessor.class.getName(),
				AotApplication.class.getName(), sources.toString(), resources.toString(), classes.toString(),
				"io.github.workerstarter", "aot-test");
		assertThat(processing.exitCode()).as(processing.output()).isZero();
		compile(sources, classes);

		JavaProcess run = JavaProcess.run(List.of("-Dspring.aot.enabled=true", "-cp",
				classes + java.io.File.pathSeparator + resources + java.io.File.pathSeparator + classpath()),
				AotApplication.class.getName());
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Starting AOT-processed AotApplication")
			.contains("Temporal workers polling")
			.contains("GREETING Hello, Ahead!")
			.contains("IN billing-aot Hello, Billing!");
	}

	@Test
	void hintsCoverTheImplementationsTheirInterfacesStubsAndPayloads() {
		RuntimeHints hints = hintsFor(GreetingFixtures.class, ShipmentFixtures.class, NexusFixtures.class);
		// the SDK invokes workflow methods on the instance, activity methods on the bean, through the interfaces
		assertThat(reflection().onMethodInvocation(GreetingWorkflowImpl.class, "greet")).accepts(hints);
		assertThat(reflection().onMethodInvocation(GreetingWorkflow.class, "greet")).accepts(hints);
		assertThat(reflection().onMethodInvocation(GreetingActivitiesImpl.class, "compose")).accepts(hints);
		assertThat(reflection().onMethodInvocation(GreetingActivities.class, "compose")).accepts(hints);
		// client and child workflow stubs, activity stubs in workflow code, method-capturing proxies
		assertThat(proxies().forInterfaces(TypeReference.of(GreetingWorkflow.class), TypeReference.of(STUB_MARKER)))
			.accepts(hints);
		assertThat(proxies().forInterfaces(TypeReference.of(ShipmentWorkflow.class), TypeReference.of(STUB_MARKER),
				TypeReference.of(ASYNC_MARKER))).accepts(hints);
		assertThat(proxies().forInterfaces(TypeReference.of(ShipmentActivities.class), TypeReference.of(ASYNC_MARKER)))
			.accepts(hints);
		assertThat(proxies().forInterfaces(GreetingActivities.class)).accepts(hints);
		// a record crossing the wire as JSON: its constructor and accessors for the payload converter
		assertThat(reflection().onType(Shipment.class)).accepts(hints);
		assertThat(reflection().onMethodInvocation(Shipment.class, "deliveryDay")).accepts(hints);
		// Nexus: the @OperationImpl methods on the bean, the service interface and its stub in workflow code
		assertThat(reflection().onMethodInvocation(GreetingNexusServiceImpl.class, "greet")).accepts(hints);
		assertThat(reflection().onMethodInvocation(GreetingNexusService.class, "greet")).accepts(hints);
		assertThat(proxies().forInterfaces(TypeReference.of(GreetingNexusService.class), TypeReference.of(STUB_MARKER),
				TypeReference.of(ASYNC_MARKER))).accepts(hints);
	}

	@Test
	void withoutAnnotatedBeansNoImplementationHintsAreNeeded() {
		RuntimeHints hints = hintsFor();
		assertThat(proxies().forInterfaces(GreetingActivities.class)).rejects(hints);
		assertThat(reflection().onType(GreetingWorkflowImpl.class)).rejects(hints);
	}

	@Test
	void hintsCoverThePropertiesRecordsTheUnknownPropertiesCheckReads() {
		RuntimeHints hints = new RuntimeHints();
		new TemporalRuntimeHints().registerHints(hints, getClass().getClassLoader());
		// also the records whose auto-configuration is off: the check reads every one of them
		assertThat(reflection().onType(TemporalMetricsProperties.class)).accepts(hints);
		assertThat(reflection().onType(DeterminismProperties.class)).accepts(hints);
		assertThat(reflection().onType(TemporalEndpointProperties.class)).accepts(hints);
		assertThat(reflection().onMethodInvocation(TemporalProperties.class, "workers")).accepts(hints);
		assertThat(reflection().onType(TemporalProperties.Connection.class)).accepts(hints);
	}

	@Test
	void processingAheadOfTimeFailsOnAnAnnotatedAbstractClassAsStartupWould() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.greetings.identity=aot")
			.withUserConfiguration(NonConcreteApplication.class)
			.prepare((context) -> assertThatThrownBy(() -> new ApplicationContextAotGenerator()
				.processAheadOfTime(source(context), generationContext()))
				.hasRootCauseInstanceOf(WorkerConfigurationException.class)
				.hasMessageContaining("is an abstract class, which component scanning skips"));
	}

	@Test
	void processingAheadOfTimeRunsTheDeterminismCheckAndFailsTheBuildInFailMode() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.claims.identity=aot",
				"temporal.workflows.determinism-check=fail")
			.withUserConfiguration(DeterminismFixtures.class)
			.prepare((context) -> assertThatThrownBy(() -> new ApplicationContextAotGenerator()
				.processAheadOfTime(source(context), generationContext()))
				.hasRootCauseInstanceOf(WorkerConfigurationException.class)
				.rootCause()
				.hasMessageContaining("The determinism check found 2 places where workflow code is not deterministic")
				.hasMessageContaining("Workflow Claim (task queue claims)")
				.hasMessageContaining("call chain: ClaimWorkflowImpl.file → Deadlines.due → LocalDate.now"));
		// in warn mode (the default) the build goes on
		runner().withPropertyValues("temporal.target=embedded", "temporal.workers.claims.identity=aot")
			.withUserConfiguration(DeterminismFixtures.class)
			.prepare((context) -> new ApplicationContextAotGenerator().processAheadOfTime(source(context),
					generationContext()));
	}

	private static RuntimeHints hintsFor(Class<?>... configurations) {
		RuntimeHints[] hints = new RuntimeHints[1];
		embeddedGreetingsRunner().withUserConfiguration(configurations).prepare((context) -> {
			DefaultGenerationContext generationContext = generationContext();
			new ApplicationContextAotGenerator().processAheadOfTime(source(context), generationContext);
			hints[0] = generationContext.getRuntimeHints();
		});
		return hints[0];
	}

	private static DefaultGenerationContext generationContext() {
		return new DefaultGenerationContext(new ClassNameGenerator(ClassName.get("com.example", "Aot")),
				new InMemoryGeneratedFiles());
	}

	private static GenericApplicationContext source(AssertableApplicationContext context) {
		return (GenericApplicationContext) context.getSourceApplicationContext();
	}

	private static void compile(Path sources, Path classes) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath(), "-proc:none"));
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> arguments.add(file.toString()));
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac").isZero();
	}

	private static String classpath() {
		return JavaProcess.applicationClassPath();
	}

}
