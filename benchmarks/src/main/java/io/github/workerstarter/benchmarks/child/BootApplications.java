package io.github.workerstarter.benchmarks.child;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Runs a Spring Boot application (the starter variants, and the plain Boot app of the startup scenario) the way a
 * user's {@code main} would, with properties from the harness and the startup probes attached. Boot's step recording is on only when asked: it records a step for every bean
 * created, prototype workflow instances included, so it would cost the throughput runs something.
 */
public final class BootApplications {

	private final SpringApplication application;

	private final BufferingApplicationStartup steps;

	public BootApplications(Class<?> applicationClass, Map<String, Object> properties, boolean recordSteps) {
		this.application = new SpringApplication(applicationClass);
		this.application.setWebApplicationType(WebApplicationType.NONE);
		this.application.setDefaultProperties(properties);
		this.application.addListeners(BootPhaseProbes.eventListener());
		this.steps = recordSteps ? new BufferingApplicationStartup(20_000) : null;
		if (this.steps != null) {
			this.application.setApplicationStartup(this.steps);
		}
	}

	public ConfigurableApplicationContext run() {
		return this.application.run();
	}

	/**
	 * The startup steps that took longest on their own (time of nested steps subtracted), e.g. the creation of one
	 * bean or the parsing of configuration classes.
	 * @param limit how many to return
	 * @return step name (with its bean name, when it has one) to milliseconds, longest first
	 */
	public Map<String, Double> slowestSteps(int limit) {
		if (this.steps == null) {
			return Map.of();
		}
		List<StartupTimeline.TimelineEvent> events = this.steps.getBufferedTimeline().getEvents();
		Map<Long, Double> childMillis = new HashMap<>();
		for (StartupTimeline.TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childMillis.merge(parent, millis(event), Double::sum);
			}
		}
		List<Map.Entry<String, Double>> self = new ArrayList<>();
		for (StartupTimeline.TimelineEvent event : events) {
			StartupStep step = event.getStartupStep();
			double own = millis(event) - childMillis.getOrDefault(step.getId(), 0.0);
			self.add(Map.entry(describe(step), own));
		}
		Map<String, Double> slowest = new LinkedHashMap<>();
		self.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(limit)
			.forEach((entry) -> slowest.merge(entry.getKey(), entry.getValue(), Double::sum));
		return slowest;
	}

	private static double millis(StartupTimeline.TimelineEvent event) {
		return event.getDuration().toNanos() / 1e6;
	}

	private static String describe(StartupStep step) {
		for (StartupStep.Tag tag : step.getTags()) {
			if (tag.getKey().equals("beanName")) {
				return step.getName() + " " + tag.getValue();
			}
		}
		return step.getName();
	}

}
