package io.github.workerstarter.determinism;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.util.ClassUtils;

/**
 * What one check found, per workflow implementation, and what it cost.
 *
 * @param workflows the result for each workflow implementation, in the order given
 * @param classesRead application class files read
 * @param duration how long the check took
 * @param cpuTime the CPU time of the thread that ran it (zero where the JVM does not measure it): unlike the
 * duration, what the check itself cost while other threads compete for the cores
 * @param unusedAllowEntries entries of temporal.workflows.determinism-allowed that allowed nothing
 */
public record DeterminismReport(List<WorkflowResult> workflows, int classesRead, Duration duration, Duration cpuTime,
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
		List<Finding> findings = new ArrayList<>();
		for (WorkflowResult workflow : this.workflows) {
			findings.addAll(workflow.findings());
		}
		return findings;
	}

	/**
	 * The findings an exception allows, of every workflow.
	 * @return the allowed findings
	 */
	public List<Finding> allowed() {
		List<Finding> allowed = new ArrayList<>();
		for (WorkflowResult workflow : this.workflows) {
			allowed.addAll(workflow.allowed());
		}
		return allowed;
	}

	/**
	 * Application methods walked, over all workflows (a method reached by two workflows counts twice).
	 * @return methods visited
	 */
	public int methodsVisited() {
		int methods = 0;
		for (WorkflowResult workflow : this.workflows) {
			methods += workflow.methodsVisited();
		}
		return methods;
	}

	/**
	 * The result of one implementation class.
	 * @param implementation the workflow implementation class
	 * @return its result, if it was checked
	 */
	public Optional<WorkflowResult> of(Class<?> implementation) {
		Class<?> type = ClassUtils.getUserClass(implementation);
		for (WorkflowResult workflow : this.workflows) {
			if (workflow.workflow().implementation() == type) {
				return Optional.of(workflow);
			}
		}
		return Optional.empty();
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
