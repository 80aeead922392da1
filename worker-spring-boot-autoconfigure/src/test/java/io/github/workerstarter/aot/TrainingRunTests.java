package io.github.workerstarter.aot;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.testing.CountingPort;
import io.github.workerstarter.testing.JavaProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training run ({@code -Dspring.context.exit=onRefresh}, what Spring Boot's CDS and AOT cache recipes run while
 * building an image, where no Temporal server exists) refreshes the whole worker application, then ends: it neither
 * contacts the server nor starts pollers, and no thread of ours keeps the JVM from exiting. Each run is a JVM of its
 * own (the training run ends its JVM) against a loopback port that only counts connections. The control, the same
 * application without the switch, shows that the port does see a worker that starts.
 */
class TrainingRunTests {

	@Test
	void aTrainingRunRefreshesTheWorkersWithoutContactingTheServerAndExits() {
		try (CountingPort frontend = CountingPort.open()) {
			JavaProcess training = JavaProcess.run(List.of("-Dspring.context.exit=onRefresh"),
					TrainingRunApplication.class.getName(), frontend.target());
			assertThat(training.exitCode()).as(training.output()).isZero();
			// the workers were built (registration and its checks ran) but never started
			assertThat(training.output()).contains("Temporal worker for task queue 'greetings'")
				.doesNotContain("Temporal workers polling");
			assertThat(frontend.connections()).isZero();
		}
	}

	@Test
	void withoutTheSwitchTheSameApplicationContactsTheServer() {
		try (CountingPort frontend = CountingPort.open()) {
			// the counting port never answers like Temporal, so fail-fast ends the application after connecting
			JavaProcess normal = JavaProcess.run(List.of(), TrainingRunApplication.class.getName(), frontend.target());
			assertThat(normal.exitCode()).as(normal.output()).isNotZero();
			assertThat(normal.output()).contains("did not answer");
			assertThat(frontend.connections()).isPositive();
		}
	}

}
