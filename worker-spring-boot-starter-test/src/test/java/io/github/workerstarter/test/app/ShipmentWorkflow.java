package io.github.workerstarter.test.app;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
public interface ShipmentWorkflow {

	/** Packs the parcel, waits the handling time, books the carrier; returns the tracking number. */
	@WorkflowMethod
	String ship(String parcelId);

	@QueryMethod
	String status();

}
