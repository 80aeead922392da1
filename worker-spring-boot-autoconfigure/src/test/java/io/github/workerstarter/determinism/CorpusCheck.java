package io.github.workerstarter.determinism;

import java.util.List;

import io.github.workerstarter.determinism.corpus.CorpusBeans;

/**
 * Runs the check on corpus workflows as an application would: the corpus package as the application's, and a bean
 * lookup answering the corpus's bean classes (the activity implementation among them, which a workflow's stub call
 * must never reach).
 */
final class CorpusCheck {

	private CorpusCheck() {
	}

	static DeterminismReport check(Class<?> workflow, String... allowed) {
		return new DeterminismCheck(workflow.getClassLoader(), List.of("io.github.workerstarter.determinism.corpus"),
				List.of(allowed), CorpusCheck::beansOf)
			.check(List.of(new WorkflowUnderCheck(workflow, List.of("CorpusWorkflow"), List.of("corpus"))));
	}

	static List<Class<?>> beansOf(Class<?> type) {
		return CorpusBeans.ALL.stream().filter((bean) -> type.isAssignableFrom(bean) && !bean.isInterface()).toList();
	}

}
