package io.github.workerstarter.determinism;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.determinism.ClaimWorkflowImpl;
import io.github.workerstarter.fixtures.determinism.DeterminismFixtures;
import io.github.workerstarter.testing.Yaml;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The determinism check in an application context: the worker registry hands it the workflow implementations it
 * found; {@code fail} stops startup with one report, {@code warn} (the default) starts and logs one WARN per finding
 * from a thread of its own, {@code off} is silent. Calls on an interface reach the bean Spring injects.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeterminismAutoConfigurationTests {

	private static final String FIXTURES = "io.github.workerstarter.fixtures.determinism.";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ApplicationContextRunner runner = runner().withUserConfiguration(DeterminismFixtures.class)
		.withPropertyValues("temporal.target=embedded", "temporal.workers.claims.identity=test",
				"temporal.start-workers=false");

	@Test
	void failModeStopsStartupWithOneReportListingEveryFinding() {
		int clockLine = SourceLines.lineOf(FIXTURES + "Deadlines", "// hazard: wall clock");
		int sleepLine = SourceLines.lineOf(FIXTURES + "SleepyClaimNotifier", "// hazard: blocking");
		this.runner.withPropertyValues("temporal.workflows.determinism-check=fail").run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getMessage())
				.startsWith("The determinism check found 2 places where workflow code is not deterministic.")
				.contains("Workflow Claim (task queue claims), class " + ClaimWorkflowImpl.class.getName() + ":")
				.contains("1. wall clock: java.time.LocalDate.now\n       at " + FIXTURES + "Deadlines.due(Deadlines.java:"
						+ clockLine + ")\n       call chain: ClaimWorkflowImpl.file → Deadlines.due → LocalDate.now\n"
						+ "       fix: use Workflow.currentTimeMillis()")
				// the interface call reaches the bean Spring injects for it
				.contains("2. threads and blocking: java.lang.Thread.sleep\n       at " + FIXTURES
						+ "SleepyClaimNotifier.notifyHandler(SleepyClaimNotifier.java:" + sleepLine + ")")
				.contains("ClaimWorkflowImpl.file → SleepyClaimNotifier.notifyHandler → Thread.sleep")
				// allowed by @AllowNondeterminism
				.doesNotContain("Instant.now");
			assertThat(failure.getAction()).contains("@AllowNondeterminism(reason = \"...\")")
				.contains("temporal.workflows.determinism-allowed")
				.contains("temporal.workflows.determinism-check=warn");
		});
	}

	@Test
	void readmeShowsTheReportAsBootPrintsIt() throws IOException {
		Path readme = Path.of("..", "README.md");
		Pattern block = Pattern.compile("(<!-- determinism-report: [^>]*-->\\n```text\\n)(.*?)(```)", Pattern.DOTALL);
		this.runner.withPropertyValues("temporal.workflows.determinism-check=fail").run((context) -> {
			WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
			// Boot's failure report, as the WorkerConfigurationFailureAnalyzer's description and action fill it
			String report = "***************************\nAPPLICATION FAILED TO START\n***************************\n\n"
					+ "Description:\n\n" + failure.getMessage() + "\n\nAction:\n\n" + failure.getAction() + "\n";
			String text = Files.readString(readme);
			Matcher shown = block.matcher(text);
			assertThat(shown.find()).as("README block after <!-- determinism-report: ... -->").isTrue();
			if (Boolean.getBoolean("updateReadme")) {
				Files.writeString(readme, text.substring(0, shown.start(2)) + report + text.substring(shown.end(2)));
				return;
			}
			assertThat(shown.group(2)).as("README's determinism report is stale: run this test with -DupdateReadme=true")
				.isEqualTo(report);
		});
	}

	@Test
	void warnModeIsTheDefaultStartsAndLogsOneWarningPerFindingOffTheStartupThread(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			WorkflowDeterminismGuard guard = context.getBean(WorkflowDeterminismGuard.class);
			assertThat(guard.mode()).isEqualTo(DeterminismCheckMode.WARN);
			await().atMost(WAIT).untilAsserted(() -> assertThat(output.getOut())
				.contains("WARN  [" + WorkflowDeterminismGuard.THREAD_NAME + "]")
				.contains("Workflow Claim (task queue claims) is not deterministic: wall clock: java.time.LocalDate.now at "
						+ FIXTURES + "Deadlines.due(Deadlines.java:")
				.contains("is not deterministic: threads and blocking: java.lang.Thread.sleep"));
			assertThat(output.getOut()).contains("Determinism check of 1 workflow implementation took")
				.contains(": 2 findings, 1 allowed.");
			DeterminismReport report = guard.report().orElseThrow();
			assertThat(report.findings()).extracting(Finding::api)
				.containsExactly("java.time.LocalDate.now", "java.lang.Thread.sleep");
			assertThat(report.allowed()).singleElement().satisfies((allowed) -> {
				assertThat(allowed.api()).isEqualTo("java.time.Instant.now");
				assertThat(allowed.allowedBy())
					.isEqualTo("@AllowNondeterminism on AuditStamp.stamp: only goes into the audit text, which no "
							+ "decision reads");
			});
		});
	}

	@Test
	void offModeIsSilent(CapturedOutput output) {
		this.runner.withPropertyValues("temporal.workflows.determinism-check=off").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(WorkflowDeterminismGuard.class).report()).isEmpty();
		});
		assertThat(output).doesNotContain("Determinism check").doesNotContain("is not deterministic");
	}

	@Test
	void offUnquotedInYamlIsOff() {
		// YAML reads an unquoted off as the boolean false
		this.runner.withInitializer(Yaml.source("application.yml", """
				temporal:
				  workflows:
				    determinism-check: off
				"""))
			.run((context) -> assertThat(context.getBean(WorkflowDeterminismGuard.class).mode())
				.isEqualTo(DeterminismCheckMode.OFF));
	}

	@Test
	void propertyAllowsMethodsAndApisAndNamesEntriesThatAllowNothing(CapturedOutput output) {
		this.runner
			.withPropertyValues("temporal.workflows.determinism-check=fail",
					"temporal.workflows.determinism-allowed[0]=" + FIXTURES + "Deadlines#due",
					"temporal.workflows.determinism-allowed[1]=java.lang.Thread#sleep",
					"temporal.workflows.determinism-allowed[2]=Deadline#due")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DeterminismReport report = context.getBean(WorkflowDeterminismGuard.class).report().orElseThrow();
				assertThat(report.findings()).isEmpty();
				assertThat(report.allowed()).extracting(Finding::allowedBy)
					.contains("temporal.workflows.determinism-allowed lists " + FIXTURES + "Deadlines#due",
							"temporal.workflows.determinism-allowed lists java.lang.Thread#sleep");
			});
		assertThat(output).contains("temporal.workflows.determinism-allowed lists [Deadline#due], which allowed nothing");
	}

	@Test
	void badValuesFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("temporal.workflows.determinism-check=strict")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("Property temporal.workflows.determinism-check is 'strict'"));
		this.runner.withPropertyValues("temporal.workflows.determinism-allowed=java.util.UUID#randomUUID()")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("temporal.workflows.determinism-allowed[0] 'java.util.UUID#randomUUID()' is not Class#member"));
	}

	@Test
	void applicationCanReplaceTheGuard() {
		this.runner.withPropertyValues("temporal.workflows.determinism-check=fail")
			.withBean(WorkflowDeterminismGuard.class,
					() -> new WorkflowDeterminismGuard(DeterminismCheckMode.OFF, () -> {
						throw new AssertionError("not called when off");
					}))
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
