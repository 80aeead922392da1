package io.github.workerstarter.test.app;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The web edge: not part of a worker test. */
@RestController
public class ShippingController {

	private final ShippingReports reports;

	public ShippingController(ShippingReports reports) {
		this.reports = reports;
	}

	@PostMapping("/reports")
	public String report() {
		return this.reports.daily();
	}

}
