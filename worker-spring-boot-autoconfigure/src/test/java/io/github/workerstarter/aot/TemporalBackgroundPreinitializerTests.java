package io.github.workerstarter.aot;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's class initializations run on Spring Boot's own background pre-initialization thread: registered where
 * Boot looks for pre-initializers, and pure class initialization, which connects nothing and leaves no thread.
 */
class TemporalBackgroundPreinitializerTests {

	@Test
	void bootRunsItWithItsOwnPreinitializers() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class))
			.hasAtLeastOneElementOfType(TemporalBackgroundPreinitializer.class);
	}

	@Test
	void itOnlyInitializesClassesAndLeavesNoThreadBehind() {
		Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
		new TemporalBackgroundPreinitializer().preinitialize();
		Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
		started.removeAll(before);
		assertThat(started).extracting(Thread::getName)
			.noneMatch((name) -> name.startsWith("grpc") || name.toLowerCase().contains("temporal"));
	}

}
