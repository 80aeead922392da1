package io.github.workerstarter.determinism;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.determinism.corpus.CorpusWorkflow;
import io.github.workerstarter.determinism.corpus.Hazard;
import io.github.workerstarter.determinism.corpus.Reach;
import io.github.workerstarter.determinism.corpus.Safe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The determinism check on its corpus (pure bytecode analysis, no Spring context): every hazard workflow produces
 * exactly its one finding (category, API, class, method, line, and a call chain from the workflow's method to the
 * API), and every safe workflow none. The corpus covers every category and every way of reaching a hazard.
 */
class DeterminismCorpusTests {

	private static final String CORPUS = "io.github.workerstarter.determinism.corpus";

	private static final Path SOURCES = Path.of("src", "test", "java");

	@TestFactory
	Stream<DynamicTest> eachHazardWorkflowReportsItsOneFinding() {
		return corpus(Hazard.class).stream()
			.map((workflow) -> DynamicTest.dynamicTest(workflow.getName(), () -> assertFinding(workflow)));
	}

	@TestFactory
	Stream<DynamicTest> eachSafeWorkflowReportsNothing() {
		return corpus(Safe.class).stream().map((workflow) -> DynamicTest.dynamicTest(workflow.getName(), () -> {
			DeterminismReport report = CorpusCheck.check(workflow);
			assertThat(report.findings()).as(workflow.getAnnotation(Safe.class).value()).isEmpty();
			assertThat(report.allowed()).isEmpty();
		}));
	}

	@Test
	void corpusCoversEveryCategoryAndEveryWayOfReachingAHazard() {
		List<Class<?>> hazards = corpus(Hazard.class);
		assertThat(hazards).hasSizeGreaterThanOrEqualTo(40);
		assertThat(corpus(Safe.class)).hasSizeGreaterThanOrEqualTo(20);
		Set<HazardCategory> categories = EnumSet.noneOf(HazardCategory.class);
		Set<Reach> reaches = EnumSet.noneOf(Reach.class);
		for (Class<?> workflow : hazards) {
			categories.add(workflow.getAnnotation(Hazard.class).category());
			reaches.add(workflow.getAnnotation(Hazard.class).reach());
		}
		assertThat(categories).containsExactlyInAnyOrder(HazardCategory.values());
		assertThat(reaches).containsExactlyInAnyOrder(Reach.values());
		// every category that calls something is reached every way of the issue
		for (HazardCategory category : HazardCategory.values()) {
			if (category == HazardCategory.INJECTED_IO) {
				continue;
			}
			Set<Reach> ways = EnumSet.noneOf(Reach.class);
			hazards.stream()
				.map((workflow) -> workflow.getAnnotation(Hazard.class))
				.filter((hazard) -> hazard.category() == category)
				.forEach((hazard) -> ways.add(hazard.reach()));
			assertThat(ways).as(category.label()).containsAll(EnumSet.of(Reach.DIRECT, Reach.HELPER,
					Reach.INJECTED_BEAN, Reach.DEFAULT_METHOD, Reach.STREAM_LAMBDA, Reach.CONSTRUCTOR, Reach.SUPERCLASS));
		}
	}

	private static void assertFinding(Class<?> workflow) throws IOException {
		Hazard expected = workflow.getAnnotation(Hazard.class);
		Class<?> in = (expected.in() == void.class) ? workflow : expected.in();
		DeterminismReport report = CorpusCheck.check(workflow);
		assertThat(report.findings()).as(describe(report)).hasSize(1);
		Finding finding = report.findings().get(0);
		assertThat(finding.category()).isEqualTo(expected.category());
		assertThat(finding.api()).isEqualTo(expected.api());
		assertThat(finding.className()).isEqualTo(in.getName());
		assertThat(finding.method()).isEqualTo(expected.method());
		assertThat(finding.line()).as(finding.location()).isEqualTo(markedLine(in, workflow));
		assertThat(finding.sourceFile()).isEqualTo(topLevel(in).getSimpleName() + ".java");
		assertThat(finding.chain().get(0)).startsWith(ClassUtils.getShortName(workflow).replace('.', '$') + ".");
		assertThat(finding.isAllowed()).isFalse();
	}

	private static String describe(DeterminismReport report) {
		List<String> lines = new ArrayList<>();
		report.findings().forEach((finding) -> lines.add(finding.category() + " " + finding.api() + " at "
				+ finding.location() + " via " + finding.describeChain()));
		return String.join("\n", lines);
	}

	/** The line of the {@code // hazard: Outer.Workflow} comment in the source file of the class that has it. */
	static int markedLine(Class<?> in, Class<?> workflow) throws IOException {
		Class<?> top = topLevel(in);
		Path source = SOURCES.resolve(top.getName().replace('.', '/') + ".java");
		String marker = "// hazard: " + ClassUtils.getShortName(workflow);
		List<String> lines = Files.readAllLines(source);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).trim().endsWith(marker)) {
				return i + 1;
			}
		}
		throw new AssertionError("No line ending with '" + marker + "' in " + source);
	}

	private static Class<?> topLevel(Class<?> type) {
		Class<?> top = type;
		while (top.getEnclosingClass() != null) {
			top = top.getEnclosingClass();
		}
		return top;
	}

	static List<Class<?>> corpus(Class<? extends java.lang.annotation.Annotation> marker) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(marker));
		List<Class<?>> found = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents(CORPUS)) {
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), null);
			assertThat(CorpusWorkflow.class).isAssignableFrom(type);
			found.add(type);
		}
		found.sort(java.util.Comparator.comparing(Class::getName));
		return found;
	}

}
