package io.github.workerstarter.aot;

import org.springframework.core.SpringProperties;

/**
 * Whether this JVM is a training run that ends when the context has refreshed: {@code -Dspring.context.exit=onRefresh}
 * (the run that records a CDS archive or a JDK 25 AOT cache, as Spring Boot documents it) or
 * {@code -Dspring.context.checkpoint=onRefresh} (a CRaC checkpoint). Spring ends or freezes the JVM before any
 * lifecycle starts, so the workers never poll; the starter also leaves out what it would otherwise begin early on
 * their behalf (the namespace check), so such a run neither contacts the Temporal server nor holds a connection
 * open in a checkpoint. Read like Spring reads them: system properties or {@code spring.properties}.
 */
public final class TrainingRun {

	private static final String ON_REFRESH = "onRefresh";

	private TrainingRun() {
	}

	/**
	 * @return true when the context will not start its lifecycle in this JVM right after refreshing
	 */
	public static boolean isActive() {
		return ON_REFRESH.equalsIgnoreCase(SpringProperties.getProperty("spring.context.exit"))
				|| ON_REFRESH.equalsIgnoreCase(SpringProperties.getProperty("spring.context.checkpoint"));
	}

}
