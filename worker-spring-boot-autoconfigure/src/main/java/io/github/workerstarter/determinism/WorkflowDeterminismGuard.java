package io.github.workerstarter.determinism;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.registration.ImplementationKind;
import io.github.workerstarter.registration.ImplementationsCheck;
import io.github.workerstarter.registration.TemporalImplementation;

/**
 * Runs the {@link DeterminismCheck} on the registered workflow implementations when the worker registry has found
 * them, before any worker polls. In {@code fail} mode it runs at once and a finding stops startup with one report; in
 * {@code warn} mode it runs on a thread of its own, off the way to polling, and logs one WARN per finding. Keeps the
 * last report for {@code /actuator/temporal}.
 */
public class WorkflowDeterminismGuard implements ImplementationsCheck {

	private static final Log logger = LogFactory.getLog(WorkflowDeterminismGuard.class);

	static final String THREAD_NAME = "temporal-determinism-check";

	private final DeterminismCheckMode mode;

	private final Supplier<DeterminismCheck> check;

	private volatile @Nullable DeterminismReport report;

	/**
	 * A guard.
	 * @param mode what to do with findings
	 * @param check builds the check (once the application's packages and beans are known)
	 */
	public WorkflowDeterminismGuard(DeterminismCheckMode mode, Supplier<DeterminismCheck> check) {
		this.mode = mode;
		this.check = check;
	}

	@Override
	public void check(List<TemporalImplementation> implementations) {
		List<WorkflowUnderCheck> workflows = implementations.stream()
			.filter((implementation) -> implementation.kind() == ImplementationKind.WORKFLOW)
			.map((implementation) -> new WorkflowUnderCheck(implementation.type(), implementation.typeNames(),
					implementation.taskQueues()))
			.toList();
		if (this.mode == DeterminismCheckMode.OFF || workflows.isEmpty()) {
			return;
		}
		if (this.mode == DeterminismCheckMode.FAIL) {
			DeterminismReport checked = run(workflows);
			if (!checked.findings().isEmpty()) {
				throw new WorkerConfigurationException(DeterminismReportText.failure(checked), DeterminismReportText.ACTION);
			}
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				DeterminismReport checked = run(workflows);
				checked.workflows()
					.forEach((workflow) -> workflow.findings()
						.forEach((finding) -> logger.warn(DeterminismReportText.warning(workflow.workflow(), finding))));
			}
			catch (RuntimeException | LinkageError ex) {
				logger.warn("The determinism check of the workflow implementations could not complete: " + ex, ex);
			}
		}, THREAD_NAME);
		thread.setDaemon(true);
		thread.start();
	}

	private DeterminismReport run(List<WorkflowUnderCheck> workflows) {
		DeterminismReport checked = this.check.get().check(workflows);
		this.report = checked;
		logger.info(DeterminismReportText.summary(checked));
		String unused = DeterminismReportText.unusedEntries(checked);
		if (unused != null) {
			logger.warn(unused);
		}
		checked.workflows()
			.stream()
			.filter(DeterminismReport.WorkflowResult::truncated)
			.forEach((workflow) -> logger.warn("The determinism check of workflow " + workflow.workflow().describe()
					+ " stopped after " + WorkflowWalk.MAX_METHODS + " methods; code beyond them was not checked."));
		return checked;
	}

	/**
	 * What the check does with its findings.
	 * @return the mode
	 */
	public DeterminismCheckMode mode() {
		return this.mode;
	}

	/**
	 * The report of the last check.
	 * @return the report; empty while the check runs (in warn mode), when it is off, or before the workers are built
	 */
	public Optional<DeterminismReport> report() {
		return Optional.ofNullable(this.report);
	}

}
