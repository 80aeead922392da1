package io.github.workerstarter.determinism;

import java.util.List;

import org.springframework.util.ClassUtils;

/**
 * A workflow implementation to check, with what names it in reports.
 *
 * @param implementation the implementation class (a proxy's user class is checked)
 * @param workflowTypes the workflow types it implements
 * @param taskQueues the task queues it runs on
 */
public record WorkflowUnderCheck(Class<?> implementation, List<String> workflowTypes, List<String> taskQueues) {

	public WorkflowUnderCheck {
		implementation = ClassUtils.getUserClass(implementation);
		workflowTypes = List.copyOf(workflowTypes);
		taskQueues = List.copyOf(taskQueues);
	}

	/**
	 * How reports name it.
	 * @return e.g. {@code ClaimWorkflow (task queue claims)}
	 */
	public String describe() {
		String types = String.join(", ", this.workflowTypes);
		String name = types.isEmpty() ? this.implementation.getSimpleName() : types;
		if (this.taskQueues.isEmpty()) {
			return name;
		}
		return name + " (task queue" + ((this.taskQueues.size() > 1) ? "s " : " ") + String.join(", ", this.taskQueues)
				+ ")";
	}

}
