package io.github.workerstarter.config;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;

import io.github.workerstarter.lifecycle.DrainTimeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML of the README binds as documented, including a worker entry written as an empty map. */
class TemporalPropertiesBindingTests {

	private static final String YAML = """
			temporal:
			  target: embedded
			  worker-defaults: { max-concurrent-activities: 200, max-concurrent-workflow-tasks: 100 }
			  workers:
			    order-task-queue: {}
			    payment-task-queue: { workflows: false }
			""";

	@Test
	void readmeExampleBinds() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class)
			.withInitializer((context) -> {
				try {
					new YamlPropertySourceLoader().load("readme", new ByteArrayResource(YAML.getBytes()))
						.forEach(context.getEnvironment().getPropertySources()::addFirst);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.run((context) -> {
				TemporalProperties properties = context.getBean(TemporalProperties.class);
				assertThat(properties.isEmbedded()).isTrue();
				assertThat(properties.namespace()).isEqualTo("default");
				assertThat(properties.workersByTaskQueue()).containsOnlyKeys("order-task-queue", "payment-task-queue");
				WorkerProperties orders = properties.workersByTaskQueue().get("order-task-queue");
				assertThat(orders.maxConcurrentActivities()).isEqualTo(200);
				assertThat(orders.runsWorkflows()).isTrue();
				WorkerProperties payments = properties.workersByTaskQueue().get("payment-task-queue");
				assertThat(payments.runsWorkflows()).isFalse();
				assertThat(payments.runsActivities()).isTrue();
				assertThat(payments.maxConcurrentWorkflowTasks()).isEqualTo(100);
				// unset: derived from spring.lifecycle.timeout-per-shutdown-phase (30 s) minus 5 s
				assertThat(properties.shutdown().drainTimeout()).isNull();
				assertThat(DrainTimeout.resolve(properties.shutdown(), context.getEnvironment())).hasSeconds(25);
				assertThat(properties.shutdown().allowActivityHeartbeats()).isTrue();
				assertThat(properties.failFast()).isFalse();
				assertThat(properties.health().timeout()).hasSeconds(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TemporalProperties.class)
	static class PropertiesConfiguration {

	}

}
