package io.github.workerstarter.endpoint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.determinism.DeterminismReport;
import io.github.workerstarter.determinism.Finding;
import io.github.workerstarter.determinism.WorkflowDeterminismGuard;

/**
 * What the determinism check found in one workflow implementation, under the workflow in {@code /actuator/temporal}:
 * the findings that count and those an exception allows, with its reason.
 *
 * @param check the check's mode: fail, warn or off
 * @param checked whether the check has run (in warn mode it runs in the background after startup)
 * @param findings the findings that count
 * @param allowed the findings allowed by {@code @AllowNondeterminism} or temporal.workflows.determinism-allowed
 */
public record DeterminismDescriptor(String check, boolean checked, List<FindingDescriptor> findings,
		List<FindingDescriptor> allowed) {

	static @Nullable DeterminismDescriptor of(@Nullable WorkflowDeterminismGuard guard, Class<?> implementation) {
		if (guard == null) {
			return null;
		}
		DeterminismReport report = guard.report().orElse(null);
		DeterminismReport.WorkflowResult result = (report != null) ? report.of(implementation).orElse(null) : null;
		if (result == null) {
			return new DeterminismDescriptor(guard.mode().value(), false, List.of(), List.of());
		}
		return new DeterminismDescriptor(guard.mode().value(), true,
				result.findings().stream().map(FindingDescriptor::of).toList(),
				result.allowed().stream().map(FindingDescriptor::of).toList());
	}

	/**
	 * One finding.
	 *
	 * @param category wall clock, randomness, threads and blocking, I/O, injected I/O, environment, shared state,
	 * unordered iteration
	 * @param api the API, static field or injected type
	 * @param at where, as a stack trace frame
	 * @param chain how the workflow reaches it
	 * @param detail more on what was found, if anything
	 * @param allowedBy the exception that allows it, with its reason
	 */
	public record FindingDescriptor(String category, String api, String at, String chain, @Nullable String detail,
			@Nullable String allowedBy) {

		static FindingDescriptor of(Finding finding) {
			return new FindingDescriptor(finding.category().label(), finding.api(), finding.location(),
					finding.describeChain(), finding.detail(), finding.allowedBy());
		}

	}

}
