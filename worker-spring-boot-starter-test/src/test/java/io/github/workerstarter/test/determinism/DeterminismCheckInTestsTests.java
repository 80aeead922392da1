package io.github.workerstarter.test.determinism;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestContextManager;

import io.github.workerstarter.determinism.DeterminismCheckMode;
import io.github.workerstarter.determinism.WorkflowDeterminismGuard;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.test.slice.TemporalWorkerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Under the test module the determinism check fails by default, so a non-deterministic workflow fails the build:
 * each nested class is a test class of an application as a user writes it, loaded the way JUnit and Spring load it.
 * {@code warn} starts the context and logs; {@code off} is silent.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeterminismCheckInTestsTests {

	@Test
	void aTemporalWorkerTestContextFailsByDefaultNamingTheFinding() {
		TestContextManager tests = new TestContextManager(FailByDefault.class);
		assertThatThrownBy(() -> tests.prepareTestInstance(new FailByDefault())).rootCause()
			.isInstanceOf(WorkerConfigurationException.class)
			.hasMessageContaining("The determinism check found 1 place where workflow code is not deterministic.")
			.hasMessageContaining("Workflow Stamp (task queue stamps), class " + StampWorkflowImpl.class.getName())
			.hasMessageContaining("wall clock: java.time.Instant.now")
			.hasMessageContaining("at " + StampWorkflowImpl.class.getName() + ".stamp(StampWorkflowImpl.java:");
	}

	@Test
	void warnStartsTheContextAndLogsTheFinding(CapturedOutput output) throws Exception {
		TestContextManager tests = new TestContextManager(Warn.class);
		Warn test = new Warn();
		tests.prepareTestInstance(test);
		try {
			assertThat(test.guard.mode()).isEqualTo(DeterminismCheckMode.WARN);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(output.getOut()).contains("Workflow Stamp (task queue stamps) is not "
						+ "deterministic: wall clock: java.time.Instant.now at " + StampWorkflowImpl.class.getName()));
		}
		finally {
			tests.afterTestClass();
		}
	}

	@Test
	void offIsSilent(CapturedOutput output) throws Exception {
		TestContextManager tests = new TestContextManager(Off.class);
		Off test = new Off();
		tests.prepareTestInstance(test);
		try {
			assertThat(test.guard.mode()).isEqualTo(DeterminismCheckMode.OFF);
			assertThat(test.guard.report()).isEmpty();
			assertThat(output.getOut()).doesNotContain("Determinism check").doesNotContain("is not deterministic");
		}
		finally {
			tests.afterTestClass();
		}
	}

	@TemporalWorkerTest(properties = "temporal.workers.stamps.identity=test")
	static class FailByDefault {

	}

	@TemporalWorkerTest(properties = { "temporal.workers.stamps.identity=test",
			"temporal.workflows.determinism-check=warn" })
	@DirtiesContext
	static class Warn {

		@org.springframework.beans.factory.annotation.Autowired
		WorkflowDeterminismGuard guard;

	}

	@TemporalWorkerTest(properties = { "temporal.workers.stamps.identity=test",
			"temporal.workflows.determinism-check=off" })
	@DirtiesContext
	static class Off {

		@org.springframework.beans.factory.annotation.Autowired
		WorkflowDeterminismGuard guard;

	}

}
