package io.github.workerstarter.migration;

import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.testing.Yaml;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** Leftover spring.temporal.* keys of a team moving from the official starter fail with what to write instead. */
class OfficialStarterPropertiesCheckTests {

	private static final String OFFICIAL_YAML = """
			spring:
			  temporal:
			    namespace: orders
			    connection:
			      target: temporal.internal:7233
			      mtls:
			        insecure-trust-manager: true
			    workers-auto-discovery:
			      packages: com.example.orders
			    workers:
			      - task-queue: order-task-queue
			        capacity:
			          max-concurrent-activity-executors: 50
			        rate-limits:
			          max-worker-activities-per-second: 20
			    some-typo: 1
			""";

	@Test
	void leftoverKeysFailBeforeAnythingElseListingTheirReplacements() {
		// no temporal.target at all: the migration report comes first, not "temporal.target is not set"
		runner().withInitializer(Yaml.source("application.yml", OFFICIAL_YAML)).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage())
				.startsWith("The configuration has 8 properties of the official Temporal Spring Boot starter "
						+ "(spring.temporal.*), which this starter does not read:")
				.contains("  - spring.temporal.namespace (class path resource [application.yml] - 3:16): use temporal.namespace")
				.contains("  - spring.temporal.connection.target (class path resource [application.yml] - 5:15): use temporal.target — local "
						+ "becomes localhost:7233")
				.contains("  - spring.temporal.connection.mtls.insecure-trust-manager (class path resource [application.yml] - 7:33): no "
						+ "counterpart — refused on purpose")
				.contains("  - spring.temporal.workers-auto-discovery.packages (class path resource [application.yml] - 9:17): no counterpart "
						+ "— component scanning's packages")
				.contains("  - spring.temporal.workers[0].task-queue (class path resource [application.yml] - 11:21): use temporal.workers — "
						+ "one map entry per queue")
				.contains("  - spring.temporal.workers[0].capacity.max-concurrent-activity-executors (class path resource [application.yml] - 13:46): "
						+ "use temporal.workers.<task-queue>.max-concurrent-activities")
				.contains("  - spring.temporal.workers[0].rate-limits.max-worker-activities-per-second "
						+ "(class path resource [application.yml] - 15:45): use temporal.workers.<task-queue>.max-activities-per-second")
				.contains("  - spring.temporal.some-typo (class path resource [application.yml] - 16:16): not a property of the official "
						+ "starter 1.38 either");
			assertThat(failure.getAction()).contains("Coming from the official Temporal starter")
				.contains("temporal.fail-on-unknown-properties=false");
		});
	}

	@Test
	void keysInCamelCaseAsTheOfficialSamplesWriteThemGetTheSameAdvice() {
		// bound by relaxed binding as the dashed form would be, so they are the same properties
		String camelCase = """
				spring:
				  temporal:
				    startWorkers: false
				    workersAutoDiscovery:
				      packages: com.example.claims
				    workers:
				      - taskQueue: claims
				        capacity:
				          maxConcurrentActivityExecutors: 50
				""";
		runner().withInitializer(Yaml.source("application.yml", camelCase)).run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage()).startsWith("The configuration has 4 properties")
				.contains("  - spring.temporal.startWorkers (class path resource [application.yml] - 3:19): use "
						+ "temporal.start-workers — false keeps the clients")
				.contains("  - spring.temporal.workersAutoDiscovery.packages (class path resource [application.yml] - 5:17): "
						+ "no counterpart — component scanning's packages")
				.contains("  - spring.temporal.workers[0].taskQueue (class path resource [application.yml] - 7:20): use "
						+ "temporal.workers — one map entry per queue")
				.contains("  - spring.temporal.workers[0].capacity.maxConcurrentActivityExecutors (class path resource "
						+ "[application.yml] - 9:43): use temporal.workers.<task-queue>.max-concurrent-activities")
				.doesNotContain("either");
		});
	}

	@Test
	void environmentVariablesCountToo() {
		runner().withSystemProperties("SPRING_TEMPORAL_NAMESPACE=orders")
			.withPropertyValues("temporal.target=embedded", "spring.temporal.connection.target=local")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("spring.temporal.connection.target").contains("1 property"));
	}

	@Test
	void checkFollowsTheUnknownPropertiesSwitch() {
		runner().withInitializer(Yaml.source("application.yml", OFFICIAL_YAML))
			.withPropertyValues("temporal.target=embedded", "temporal.fail-on-unknown-properties=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void keysAreTheOfficialStartersOwnWhenItIsOnTheClassPath() {
		runner().withClassLoader(new OfficialStarterPresent(getClass().getClassLoader()))
			.withInitializer(Yaml.source("application.yml", OFFICIAL_YAML))
			.withPropertyValues("temporal.target=embedded")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	/** A class loader on which the official starter's auto-configuration class exists (an empty class of that name). */
	private static final class OfficialStarterPresent extends ClassLoader {

		OfficialStarterPresent(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			if (!name.equals(OfficialStarterPropertiesCheck.OFFICIAL_STARTER_CLASS)) {
				throw new ClassNotFoundException(name);
			}
			ClassWriter writer = new ClassWriter(0);
			writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
			writer.visitEnd();
			byte[] bytes = writer.toByteArray();
			return defineClass(name, bytes, 0, bytes.length);
		}

	}

}
