package io.github.workerstarter.test.replay;

import java.time.Duration;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * Packs then ships a parcel. {@link #changedCode} stands for deploying a changed version of this class, the most
 * common cause of non-determinism: an {@code Audit} activity call added before the existing {@code Pack} call,
 * without {@code Workflow.getVersion}. A history recorded before the change no longer replays after it.
 */
@WorkflowImpl(taskQueues = "parcels")
public class ParcelWorkflowImpl implements ParcelWorkflow {

	/** The "deployed" version: false runs the code that recorded the histories, true the changed code. */
	static volatile boolean changedCode;

	private final ParcelActivities activities = Workflow.newActivityStub(ParcelActivities.class,
			ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

	@Override
	public String process(String parcelId) {
		if (changedCode) {
			this.activities.audit(parcelId);
		}
		this.activities.pack(parcelId);
		return this.activities.ship(parcelId);
	}

}
