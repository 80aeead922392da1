package io.github.workerstarter.test.app;

import org.springframework.stereotype.Service;

/** A service no workflow or activity uses. */
@Service
public class ShippingReports {

	public String daily() {
		return "nothing shipped";
	}

}
