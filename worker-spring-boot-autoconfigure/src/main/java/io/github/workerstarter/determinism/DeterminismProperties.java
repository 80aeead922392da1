package io.github.workerstarter.determinism;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * The determinism check of workflow code, bound from {@code temporal.workflows.*}.
 *
 * @param determinismCheck What the check of workflow code does before the workers run it: fail (startup fails with
 * one report listing every finding), warn (one WARN line per finding; the workers start, and the check runs off the
 * startup path) or off. Default: warn in an application, fail under worker-spring-boot-starter-test (in every
 * context with @TemporalWorkerTest or the test environment).
 * @param determinismAllowed Exceptions to the determinism check, each Class#member or Class: a method of the
 * application (everything reached only through it is allowed), or an API allowed wherever it is called
 * (java.util.UUID#randomUUID; #new for a constructor). A class may be named without its package. Allowed findings
 * are listed under their workflow in /actuator/temporal.
 */
@ConfigurationProperties("temporal.workflows")
public record DeterminismProperties(@Nullable String determinismCheck, @Nullable List<String> determinismAllowed) {

	static final String CHECK_PROPERTY = "temporal.workflows.determinism-check";

	public DeterminismProperties {
		if (determinismCheck != null && DeterminismCheckMode.parse(determinismCheck) == null) {
			throw new WorkerConfigurationException(
					"Property " + CHECK_PROPERTY + " is '" + determinismCheck + "', which is not a mode of the check.",
					"Set it to fail, warn or off.");
		}
		determinismAllowed = (determinismAllowed != null) ? List.copyOf(determinismAllowed) : List.of();
		for (int i = 0; i < determinismAllowed.size(); i++) {
			String problem = AllowList.problem(determinismAllowed.get(i));
			if (problem != null) {
				throw new WorkerConfigurationException("Property " + AllowList.PROPERTY + "[" + i + "] '"
						+ determinismAllowed.get(i) + "' " + problem + ".",
						"Write a method of the application as com.acme.Deadlines#due, an API as java.util.UUID#randomUUID "
								+ "(#new for a constructor), or a whole class by its name.");
			}
		}
	}

	/**
	 * The mode, where the property sets one.
	 * @param fallback the mode when it is not set
	 * @return the mode
	 */
	public DeterminismCheckMode mode(DeterminismCheckMode fallback) {
		DeterminismCheckMode mode = (this.determinismCheck != null) ? DeterminismCheckMode.parse(this.determinismCheck)
				: null;
		return (mode != null) ? mode : fallback;
	}

}
