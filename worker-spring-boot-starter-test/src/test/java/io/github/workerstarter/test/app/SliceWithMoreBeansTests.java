package io.github.workerstarter.test.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

import io.github.workerstarter.test.slice.TemporalWorkerTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Beans outside the default selection come in through {@code includeFilters}. */
@TemporalWorkerTest(includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ShippingReports.class))
class SliceWithMoreBeansTests {

	@Autowired
	ShippingReports reports;

	@Test
	void theIncludedBeanIsThere() {
		assertThat(this.reports.daily()).isEqualTo("nothing shipped");
	}

}
