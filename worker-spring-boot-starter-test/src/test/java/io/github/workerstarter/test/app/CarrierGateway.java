package io.github.workerstarter.test.app;

/** The carrier's booking system. */
public interface CarrierGateway {

	String book(String parcelId);

}
