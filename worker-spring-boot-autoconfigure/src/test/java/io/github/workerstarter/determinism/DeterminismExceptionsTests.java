package io.github.workerstarter.determinism;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.determinism.corpus.AllowedCorpus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exceptions to the determinism check: {@code @AllowNondeterminism} on a method, a class or a constructor, and the
 * entries of {@code temporal.workflows.determinism-allowed}. An allowed finding is kept (for
 * {@code /actuator/temporal}) with what allowed it; a method that is also reached another way still counts there.
 */
class DeterminismExceptionsTests {

	private static final String CORPUS = "io.github.workerstarter.determinism.corpus.";

	@Test
	void anAnnotatedMethodAllowsWhatItReachesButTheSameCodeReachedAnotherWayCounts() {
		DeterminismReport report = CorpusCheck.check(AllowedCorpus.AllowedMethodAndDirectPath.class);
		// the helper's line is one finding; it counts, since run() reaches it without the exception
		assertThat(report.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.api()).isEqualTo("java.lang.System.currentTimeMillis");
			assertThat(finding.chain()).containsExactly("AllowedCorpus$AllowedMethodAndDirectPath.run",
					"AllowedCorpus$Clock.now", "System.currentTimeMillis");
		});
		assertThat(report.allowed()).isEmpty();

		DeterminismReport allowed = CorpusCheck.check(AllowedCorpus.AllowedMethodOnly.class);
		assertThat(allowed.findings()).isEmpty();
		assertThat(allowed.allowed()).singleElement().satisfies((finding) -> {
			assertThat(finding.allowedBy())
				.isEqualTo("@AllowNondeterminism on AllowedCorpus$AllowedMethodOnly.logLine: the time only goes into a "
						+ "log line");
			assertThat(finding.line()).isEqualTo(SourceLines.lineOf(CORPUS + "AllowedCorpus", "// hazard: AllowedCorpus.Clock"));
		});
	}

	@Test
	void anAnnotatedClassAllowsEveryMethodOfIt() {
		DeterminismReport report = CorpusCheck.check(AllowedCorpus.AllowedClass.class);
		assertThat(report.findings()).isEmpty();
		assertThat(report.allowed()).singleElement()
			.satisfies((finding) -> assertThat(finding.allowedBy()).isEqualTo("@AllowNondeterminism on "
					+ "AllowedCorpus$LegacyIds: ids made here are recorded by the activity that stores them"));
	}

	@Test
	void anAnnotatedConstructorAllowsItsInjection() {
		DeterminismReport report = CorpusCheck.check(AllowedCorpus.AllowedInjection.class);
		assertThat(report.findings()).isEmpty();
		assertThat(report.allowed()).singleElement().satisfies((finding) -> {
			assertThat(finding.category()).isEqualTo(HazardCategory.INJECTED_IO);
			assertThat(finding.allowedBy()).startsWith("@AllowNondeterminism on AllowedCorpus$AllowedInjection.<init>");
		});
	}

	@Test
	void aBlankReasonAllowsNothingAndTheFindingSaysWhy() {
		DeterminismReport report = CorpusCheck.check(AllowedCorpus.BlankReason.class);
		assertThat(report.findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.detail()).isEqualTo("@AllowNondeterminism on "
					+ "AllowedCorpus$BlankReason.run (or its class) has a blank reason, so it allows nothing"));
	}

	@Test
	void thePropertyAllowsApisMethodsAndStaticFieldsBySimpleOrFullName() {
		DeterminismReport report = CorpusCheck.check(AllowedCorpus.ListedInProperty.class, "java.util.Random#new",
				"AllowedCorpus.Clock#now", CORPUS + "AllowedCorpus$ListedInProperty#runs", "java.time.LocalDate");
		assertThat(report.findings()).isEmpty();
		assertThat(report.allowed()).extracting(Finding::api)
			.containsExactlyInAnyOrder(CORPUS + "AllowedCorpus$ListedInProperty.runs", "java.util.Random.<init>",
					"java.lang.System.currentTimeMillis");
		assertThat(report.allowed()).extracting(Finding::allowedBy)
			.contains("temporal.workflows.determinism-allowed lists java.util.Random#new",
					"temporal.workflows.determinism-allowed lists AllowedCorpus.Clock#now");
		assertThat(report.unusedAllowEntries()).containsExactly("java.time.LocalDate");
	}

	@Test
	void entriesOfThePropertyAreCheckedForTheirForm() {
		assertThat(AllowList.problem("com.acme.Deadlines#due")).isNull();
		assertThat(AllowList.problem("java.util.UUID")).isNull();
		assertThat(AllowList.problem(" ")).isEqualTo("is empty");
		assertThat(AllowList.problem("java.util.UUID#randomUUID()")).startsWith("is not Class#member or Class");
		assertThat(AllowList.problem("a#b#c")).startsWith("is not Class#member or Class");
	}

}
