package io.github.workerstarter.worker;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Whether workers run on virtual threads when {@code virtual-threads} is unset. From Java 24 on (JEP 491: a virtual
 * thread blocked inside {@code synchronized} no longer pins its carrier) they do unless the application turned
 * Spring's virtual threads off; on 21 to 23 only where {@code spring.threads.virtual.enabled=true}, since code that
 * blocks while holding a monitor (JDBC drivers, older libraries) would pin one of the few carrier threads for as
 * long as it blocks; before 21 never. The SDK's default is platform threads.
 */
public final class VirtualThreadsDefault {

	/** The first Java release whose virtual threads do not pin their carrier in {@code synchronized}. */
	static final int WITHOUT_MONITOR_PINNING = 24;

	private VirtualThreadsDefault() {
	}

	/**
	 * The default for this JVM and environment.
	 * @param environment where {@code spring.threads.virtual.enabled} is read (null: not set)
	 * @return whether workers and workflow threads are virtual unless configured
	 */
	public static boolean resolve(@Nullable Environment environment) {
		Boolean spring = (environment != null)
				? environment.getProperty("spring.threads.virtual.enabled", Boolean.class) : null;
		return resolve(Runtime.version().feature(), spring);
	}

	static boolean resolve(int javaFeature, @Nullable Boolean springThreadsVirtual) {
		if (javaFeature < 21) {
			return false;
		}
		if (javaFeature < WITHOUT_MONITOR_PINNING) {
			return Boolean.TRUE.equals(springThreadsVirtual);
		}
		return !Boolean.FALSE.equals(springThreadsVirtual);
	}

}
