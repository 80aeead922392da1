package io.github.workerstarter.test.replay;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The parcel workflow and its activities on task queue {@code parcels}, with the starter and the test module. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ ParcelWorkflowImpl.class, ParcelActivitiesImpl.class })
public class ParcelApplication {

	/** The worker for the parcels, as a test's properties. */
	public static final String WORKER = "temporal.workers.parcels.task-queue=parcels";

}
