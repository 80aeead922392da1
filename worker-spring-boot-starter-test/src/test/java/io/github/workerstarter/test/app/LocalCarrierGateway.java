package io.github.workerstarter.test.app;

import org.springframework.stereotype.Component;

/** Books with the local courier; needs the depot it ships from. */
@Component
public class LocalCarrierGateway implements CarrierGateway {

	private final Depot depot;

	public LocalCarrierGateway(Depot depot) {
		this.depot = depot;
	}

	@Override
	public String book(String parcelId) {
		return this.depot.code() + "-" + parcelId;
	}

}
