package io.github.workerstarter.test.replay;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;

/**
 * Runs the replay check of {@link ProducedHistoriesCheck} after every test method and after every test class of a
 * Spring test whose context has the test environment, and fails the test whose workflows do not replay.
 *
 * <p>Why here and not once at the very end of the run: nothing after the last test (a JUnit Platform listener, a
 * JVM shutdown hook closing Spring's cached contexts) can still fail the build, and a context that the test
 * context cache evicts or a {@code @DirtiesContext} closes takes its in-memory server and histories with it. After
 * each test the context is certainly open (this listener's order puts it before
 * {@link DirtiesContextTestExecutionListener}), a cached context shared by many classes is checked incrementally
 * (each history once), and the failure names the test that produced the history.
 */
public class ReplayCheckTestExecutionListener extends AbstractTestExecutionListener {

	/** After-callbacks run in reverse order: higher than the dirties-context listener's 3000 means before it. */
	static final int ORDER = 5000;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		check(testContext, testContext.getTestClass().getSimpleName() + "." + testContext.getTestMethod().getName());
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		// workflows that closed after their test method ended
		check(testContext, testContext.getTestClass().getSimpleName());
	}

	private static void check(TestContext testContext, String test) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ProducedHistoriesCheck check = testContext.getApplicationContext()
			.getBeanProvider(ProducedHistoriesCheck.class)
			.getIfAvailable();
		if (check == null) {
			return;
		}
		List<ReplayResult> failed = check.checkNewHistories().stream().filter(ReplayResult::failed).toList();
		if (!failed.isEmpty()) {
			throw new AssertionError(failed.size() + ((failed.size() == 1) ? " workflow history" : " workflow histories")
					+ " produced by " + test
					+ " do not replay against the current code (a worker restart in production would fail them the "
					+ "same way):\n" + failed.stream().map((result) -> " - " + result.describe())
						.collect(Collectors.joining("\n"))
					+ "\nMake the workflow code deterministic (Workflow.currentTimeMillis(), Workflow.randomUUID(), "
					+ "Workflow.getVersion() around a changed sequence of steps). This check is the test module's "
					+ "replay check; temporal.test.replay.enabled=false switches it off.");
		}
	}

}
