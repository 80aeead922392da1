package io.github.workerstarter.test.app;

import io.github.workerstarter.annotation.ActivityImpl;

@ActivityImpl(taskQueues = "shipping")
public class CarrierActivitiesImpl implements CarrierActivities {

	private final CarrierGateway gateway;

	public CarrierActivitiesImpl(CarrierGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	public String book(String parcelId) {
		return this.gateway.book(parcelId);
	}

}
