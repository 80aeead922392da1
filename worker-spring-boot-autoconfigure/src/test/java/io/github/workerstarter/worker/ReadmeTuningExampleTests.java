package io.github.workerstarter.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.tuning.PollerBehaviorAutoscaling;
import io.temporal.worker.tuning.ResourceBasedTuner;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's tuning example, read from the README itself: it binds, passes validation and reaches the workers. */
class ReadmeTuningExampleTests {

	@Test
	void readmeTuningExampleReachesTheWorkers() throws IOException {
		runner().withPropertyValues("temporal.target=embedded")
			.withPropertyValues(readmeYaml("### Tuning workers").toArray(String[]::new))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WorkerFactory factory = context.getBean(WorkerFactory.class);
				WorkerOptions orders = factory.getWorker("order-task-queue").getWorkerOptions();
				assertThat(orders.getWorkerTuner()).isInstanceOf(ResourceBasedTuner.class);
				assertThat(orders.getWorkflowTaskPollersBehavior()).isInstanceOfSatisfying(
						PollerBehaviorAutoscaling.class, (scaling) -> {
							assertThat(scaling.getMinConcurrentTaskPollers()).isEqualTo(2);
							assertThat(scaling.getMaxConcurrentTaskPollers()).isEqualTo(20);
						});
				WorkerOptions payments = factory.getWorker("payment-task-queue").getWorkerOptions();
				assertThat(payments.getMaxConcurrentActivityExecutionSize()).isEqualTo(50);
				assertThat(payments.getMaxConcurrentActivityTaskPollers()).isEqualTo(8);
				assertThat(payments.getMaxTaskQueueActivitiesPerSecond()).isEqualTo(20.0);
			});
	}

	/** The first yaml block after a README heading, as key=value pairs. */
	static List<String> readmeYaml(String heading) throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("```yaml\n", readme.indexOf(heading)) + "```yaml\n".length();
		String yaml = readme.substring(start, readme.indexOf("```", start));
		List<String> pairs = new ArrayList<>();
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("readme",
				new ByteArrayResource(yaml.getBytes()))) {
			EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
			for (String name : enumerable.getPropertyNames()) {
				pairs.add(name + "=" + enumerable.getProperty(name));
			}
		}
		assertThat(pairs).as("yaml under " + heading).isNotEmpty();
		return pairs;
	}

}
