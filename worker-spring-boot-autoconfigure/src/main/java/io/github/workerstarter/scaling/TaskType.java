package io.github.workerstarter.scaling;

import java.util.Locale;

import io.temporal.api.enums.v1.TaskQueueType;

/** The task types a task queue holds, each with a backlog of its own. */
public enum TaskType {

	/** Workflow tasks. */
	WORKFLOW(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),

	/** Activity tasks. */
	ACTIVITY(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY);

	private final TaskQueueType type;

	TaskType(TaskQueueType type) {
		this.type = type;
	}

	TaskQueueType type() {
		return this.type;
	}

	/**
	 * The value of the {@code task_queue_type} tag, as KEDA's temporal scaler names it in {@code queueTypes}.
	 * @return {@code workflow} or {@code activity}
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
