package io.github.workerstarter.determinism;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.util.ClassUtils;

/**
 * What one check found, per workflow implementation, and what it cost.
 *
 * @param workflows the result for each workflow implementation, in the order given
 * @param classesRead application class files read
 * @param duration how long the check took
 * @param unusedAllowEntries entries of temporal.workflows.determinism-allowed that allowed nothing
 */
public record DeterminismReport(List<WorkflowResult> workflows, int classesRead, Duration duration,
		List<String> unusedAllowEntries) {

	public DeterminismReport {
		workflows = List.copyOf(workflows);
		unusedAllowEntries = List.copyOf(unusedAllowEntries);
	}

	/**
	 * The findings that count, of every workflow.
	 * @return the findings not allowed by an exception
	 */
	public List<Finding> findings() {
		return this.workflows.stream().flatMap((workflow) -> workflow.findings().stream()).toList();
	}

	/**
	 * The findings an exception allows, of every workflow.
	 * @return the allowed findings
	 */
	public List<Finding> allowed() {
		return this.workflows.stream().flatMap((workflow) -> workflow.allowed().stream()).toList();
	}

	/**
	 * Application methods walked, over all workflows (a method reached by two workflows counts twice).
	 * @return methods visited
	 */
	public int methodsVisited() {
		return this.workflows.stream().mapToInt(WorkflowResult::methodsVisited).sum();
	}

	/**
	 * The result of one implementation class.
	 * @param implementation the workflow implementation class
	 * @return its result, if it was checked
	 */
	public Optional<WorkflowResult> of(Class<?> implementation) {
		Class<?> type = ClassUtils.getUserClass(implementation);
		return this.workflows.stream().filter((workflow) -> workflow.workflow().implementation() == type).findFirst();
	}

	/**
	 * What the check found in one workflow implementation.
	 *
	 * @param workflow the implementation, its types and queues
	 * @param findings the findings that count
	 * @param allowed the findings an exception allows ({@code @AllowNondeterminism} or the property)
	 * @param methodsVisited application methods walked from it
	 * @param truncated whether the walk stopped at its bound before reaching every method
	 */
	public record WorkflowResult(WorkflowUnderCheck workflow, List<Finding> findings, List<Finding> allowed,
			int methodsVisited, boolean truncated) {

		public WorkflowResult {
			findings = List.copyOf(findings);
			allowed = List.copyOf(allowed);
		}

	}

}
