package io.github.workerstarter.benchmarks.child;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;

import io.github.workerstarter.lifecycle.TemporalWorkersLifecycle;

/**
 * Where a Boot application's startup goes: Boot's application events ({@link #eventListener()}, for every Boot
 * variant), and, imported by the starter apps, two lifecycle beans one phase before and one phase after the
 * starter's {@link TemporalWorkersLifecycle}, which bracket {@code WorkerFactory.start()}.
 */
@Configuration(proxyBeanMethods = false)
public class BootPhaseProbes {

	/** Application events, registered on the SpringApplication so the earliest ones are seen too. */
	public static ApplicationListener<ApplicationEvent> eventListener() {
		return (event) -> {
			if (event instanceof ApplicationStartingEvent) {
				StartupPhases.reached("spring-starting");
			}
			else if (event instanceof ApplicationEnvironmentPreparedEvent) {
				StartupPhases.reached("environment-prepared");
			}
			else if (event instanceof ApplicationPreparedEvent) {
				StartupPhases.reached("context-prepared");
			}
			else if (event instanceof ContextRefreshedEvent) {
				StartupPhases.reached("context-refreshed");
			}
			else if (event instanceof ApplicationReadyEvent) {
				StartupPhases.reached("application-ready");
			}
		};
	}

	@Bean
	SmartLifecycle beforeWorkersStart() {
		return new PhaseProbe(TemporalWorkersLifecycle.PHASE - 1, "workers-starting", false);
	}

	@Bean
	SmartLifecycle afterWorkersStart() {
		return new PhaseProbe(TemporalWorkersLifecycle.PHASE + 1, "workers-started", true);
	}

	private static final class PhaseProbe implements SmartLifecycle {

		private final int phase;

		private final String milestone;

		private final boolean markPolling;

		private volatile boolean running;

		PhaseProbe(int phase, String milestone, boolean markPolling) {
			this.phase = phase;
			this.milestone = milestone;
			this.markPolling = markPolling;
		}

		@Override
		public void start() {
			StartupPhases.reached(this.milestone);
			if (this.markPolling) {
				ChildOutput.mark("WORKERS_POLLING");
			}
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return this.phase;
		}

	}

}
