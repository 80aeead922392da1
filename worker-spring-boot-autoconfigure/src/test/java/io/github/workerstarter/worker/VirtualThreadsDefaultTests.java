package io.github.workerstarter.worker;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** When workers run on virtual threads unless configured: from Java 24 on, before that only where Boot's switch is on. */
class VirtualThreadsDefaultTests {

	@Test
	void fromJava24OnUnlessSpringsSwitchIsOff() {
		assertThat(VirtualThreadsDefault.resolve(24, null)).isTrue();
		assertThat(VirtualThreadsDefault.resolve(25, null)).isTrue();
		assertThat(VirtualThreadsDefault.resolve(25, true)).isTrue();
		assertThat(VirtualThreadsDefault.resolve(25, false)).isFalse();
	}

	@Test
	void onJava21To23OnlyWhereSpringsSwitchIsOn() {
		assertThat(VirtualThreadsDefault.resolve(21, null)).isFalse();
		assertThat(VirtualThreadsDefault.resolve(23, null)).isFalse();
		assertThat(VirtualThreadsDefault.resolve(21, true)).isTrue();
		assertThat(VirtualThreadsDefault.resolve(23, false)).isFalse();
	}

	@Test
	void neverBeforeJava21() {
		assertThat(VirtualThreadsDefault.resolve(17, null)).isFalse();
		assertThat(VirtualThreadsDefault.resolve(17, true)).isFalse();
	}

	@Test
	void readsSpringsSwitchFromTheEnvironmentOnThisJvm() {
		boolean jdk24 = Runtime.version().feature() >= 24;
		boolean jdk21 = Runtime.version().feature() >= 21;
		assertThat(VirtualThreadsDefault.resolve(new MockEnvironment())).isEqualTo(jdk24);
		assertThat(VirtualThreadsDefault.resolve(new MockEnvironment().withProperty("spring.threads.virtual.enabled",
				"true"))).isEqualTo(jdk21);
		assertThat(VirtualThreadsDefault.resolve(new MockEnvironment().withProperty("spring.threads.virtual.enabled",
				"false"))).isFalse();
	}

}
