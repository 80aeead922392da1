package io.github.workerstarter.test.app;

import java.time.Duration;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

@WorkflowImpl(taskQueues = "shipping")
public class ShipmentWorkflowImpl implements ShipmentWorkflow {

	private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
		.setStartToCloseTimeout(Duration.ofSeconds(10))
		.build();

	private final PackingActivities packing = Workflow.newActivityStub(PackingActivities.class, OPTIONS);

	private final CarrierActivities carrier = Workflow.newActivityStub(CarrierActivities.class, OPTIONS);

	private final Duration handlingTime;

	private String status = "NEW";

	public ShipmentWorkflowImpl(ShippingSettings settings) {
		this.handlingTime = settings.handlingTime();
	}

	@Override
	public String ship(String parcelId) {
		this.status = "PACKING";
		this.packing.pack(parcelId);
		this.status = "WAITING_FOR_PICKUP";
		Workflow.sleep(this.handlingTime);
		this.status = "BOOKING_CARRIER";
		String tracking = this.carrier.book(parcelId);
		this.status = "SHIPPED";
		return tracking;
	}

	@Override
	public String status() {
		return this.status;
	}

}
