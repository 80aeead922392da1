package io.github.workerstarter.determinism;

import java.util.List;

/** How the determinism check's report reads: the startup failure, the WARN lines, the summary line. */
public final class DeterminismReportText {

	/** What to do, for the startup failure. */
	public static final String ACTION = "Apply each fix. Where code is safe to replay on purpose, annotate its method "
			+ "or class with @AllowNondeterminism(reason = \"...\") (io.github.workerstarter.annotation), or list it as "
			+ "Class#method in " + AllowList.PROPERTY + ". " + DeterminismProperties.CHECK_PROPERTY
			+ "=warn logs the findings instead of failing startup.";

	private static final String WHY = "A worker replays a workflow's history by running its code again (after a "
			+ "restart, a deploy, a cache eviction); code that takes another path then fails the workflow with a "
			+ "non-determinism error.";

	private DeterminismReportText() {
	}

	/**
	 * The startup failure: every finding of every workflow, with where it is, how it is reached and the fix.
	 * @param report a report with findings
	 * @return the description
	 */
	public static String failure(DeterminismReport report) {
		List<Finding> findings = report.findings();
		StringBuilder text = new StringBuilder("The determinism check found ").append(findings.size())
			.append((findings.size() == 1) ? " place" : " places")
			.append(" where workflow code is not deterministic. ")
			.append(WHY);
		for (DeterminismReport.WorkflowResult workflow : report.workflows()) {
			if (workflow.findings().isEmpty()) {
				continue;
			}
			text.append("\n\nWorkflow ").append(workflow.workflow().describe()).append(", class ")
				.append(workflow.workflow().implementation().getName()).append(':');
			int number = 1;
			for (Finding finding : workflow.findings()) {
				text.append("\n  ").append(number++).append(". ").append(headline(finding));
				text.append("\n       at ").append(finding.location());
				if (finding.chain().size() > 2) {
					text.append("\n       call chain: ").append(finding.describeChain());
				}
				text.append("\n       fix: ").append(finding.category().fix());
			}
		}
		return text.toString();
	}

	/**
	 * One WARN line.
	 * @param workflow the workflow it was found in
	 * @param finding the finding
	 * @return the line
	 */
	public static String warning(WorkflowUnderCheck workflow, Finding finding) {
		return "Workflow " + workflow.describe() + " is not deterministic: " + headline(finding) + " at "
				+ finding.location() + ((finding.chain().size() > 2) ? ", call chain " + finding.describeChain() : "")
				+ ". Fix: " + finding.category().fix() + ". Safe to replay on purpose? @AllowNondeterminism(reason = "
				+ "\"...\") on the method, or " + AllowList.PROPERTY + ".";
	}

	/**
	 * The INFO line every check logs.
	 * @param report the report
	 * @return the line
	 */
	public static String summary(DeterminismReport report) {
		int findings = report.findings().size();
		return "Determinism check of " + report.workflows().size() + " workflow implementation"
				+ ((report.workflows().size() == 1) ? "" : "s") + " took " + report.duration().toMillis() + " ms ("
				+ report.cpuTime().toMillis() + " ms of CPU; " + report.classesRead() + " classes read, "
				+ report.methodsVisited() + " methods walked): " + findings
				+ ((findings == 1) ? " finding, " : " findings, ") + report.allowed().size() + " allowed.";
	}

	/**
	 * The WARN line for allow entries that allowed nothing.
	 * @param report the report
	 * @return the line, or null when every entry allowed something
	 */
	public static String unusedEntries(DeterminismReport report) {
		if (report.unusedAllowEntries().isEmpty()) {
			return null;
		}
		return AllowList.PROPERTY + " lists " + report.unusedAllowEntries() + ", which allowed nothing the determinism "
				+ "check found in this application's workflows. Misspelt, or no longer needed?";
	}

	private static String headline(Finding finding) {
		String api = finding.api().endsWith(".<init>")
				? "new " + finding.api().substring(0, finding.api().length() - ".<init>".length()) + "()" : finding.api();
		return finding.category().label() + ": " + api + ((finding.detail() != null) ? " (" + finding.detail() + ")" : "");
	}

}
