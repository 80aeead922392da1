package io.github.workerstarter.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The Temporal SDK refuses workflow API calls ({@code Workflow.newActivityStub}, {@code Workflow.sleep}, ...) outside a
 * workflow thread with a bare {@code java.lang.Error}. At startup that means Spring built a workflow class itself (a
 * singleton, or a bean the starter's definition check could not see as one, such as a {@code @Bean} method declared
 * with the workflow's interface type): the report names the bean and how to let Temporal instantiate it instead.
 */
class WorkflowApiOutsideWorkflowFailureAnalyzer extends AbstractFailureAnalyzer<Error> {

	static final String SDK_MESSAGE = "Called from non workflow or workflow callback thread";

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, Error cause) {
		if (cause.getMessage() == null || !cause.getMessage().startsWith(SDK_MESSAGE)) {
			return null;
		}
		BeanCreationException creation = findCause(rootFailure, BeanCreationException.class);
		String bean = (creation != null && creation.getBeanName() != null) ? "Bean '" + innermostBean(creation) + "'"
				: "Code running at startup";
		return new FailureAnalysis(bean + " called Temporal's workflow API (Workflow.newActivityStub, Workflow.sleep, "
				+ "...) while Spring created it, outside a workflow thread, and the SDK refused: \"" + cause.getMessage()
				+ "\". A workflow class is instantiated by Temporal for each execution, on its workflow thread; its "
				+ "constructor and field initialisers run there, never in Spring's startup.",
				"Annotate the workflow class (or its @Bean method) @WorkflowImpl(taskQueues = \"<queue>\"): it becomes a "
						+ "prototype bean the workers instantiate per execution. Call Workflow.* only from workflow code.",
				cause);
	}

	// the bean whose creation the SDK refused, not the ones that were waiting for it
	private static String innermostBean(BeanCreationException creation) {
		String name = creation.getBeanName();
		for (Throwable t = creation.getCause(); t != null; t = t.getCause()) {
			if (t instanceof BeanCreationException inner && inner.getBeanName() != null) {
				name = inner.getBeanName();
			}
		}
		return name;
	}

}
