package io.github.workerstarter.determinism;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One place where a workflow's code is not deterministic.
 *
 * @param category what kind of hazard
 * @param api the library member (or the static field, or the injected type) that is the hazard, dotted:
 * {@code java.time.LocalDate.now}, {@code java.util.Random.<init>}, {@code com.acme.Counter.count}
 * @param className the class whose code has it, dotted ({@code com.acme.claims.Deadlines})
 * @param method the method whose code has it, as in a stack trace ({@code due}, {@code <init>}, {@code lambda$run$0});
 * for an injected field, the field's name
 * @param sourceFile the source file, from the class file
 * @param line the source line, or -1 when the class file has none
 * @param chain how the workflow reaches it, from the workflow's method to the API:
 * {@code [ClaimWorkflowImpl.run, Deadlines.due, LocalDate.now]}
 * @param detail more on what was found (the collection iterated, where an I/O type is injected), if anything
 * @param allowedBy why it is allowed ({@code @AllowNondeterminism} and its reason, or the property entry), or null
 * for a finding that counts
 */
public record Finding(HazardCategory category, String api, String className, String method,
		@Nullable String sourceFile, int line, List<String> chain, @Nullable String detail,
		@Nullable String allowedBy) {

	public Finding {
		chain = List.copyOf(chain);
	}

	/**
	 * Where the hazard is, as a stack trace names a frame (IDEs link it to the line).
	 * @return e.g. {@code com.acme.claims.Deadlines.due(Deadlines.java:14)}
	 */
	public String location() {
		String file = (this.sourceFile != null) ? this.sourceFile : "Unknown Source";
		return this.className + "." + this.method + "(" + file + ((this.line > 0) ? ":" + this.line : "") + ")";
	}

	/**
	 * The call chain, joined.
	 * @return e.g. {@code ClaimWorkflowImpl.run → Deadlines.due → LocalDate.now}
	 */
	public String describeChain() {
		return String.join(" → ", this.chain);
	}

	/**
	 * Whether an exception allows it.
	 * @return true when {@link #allowedBy()} is set
	 */
	public boolean isAllowed() {
		return this.allowedBy != null;
	}

}
