package io.github.workerstarter.determinism.corpus;

import java.time.Instant;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

import io.github.workerstarter.annotation.AllowNondeterminism;

/** Workflows whose hazards an exception allows, for the exception tests (not part of the hazard/safe corpus). */
public final class AllowedCorpus {

	private AllowedCorpus() {
	}

	/** The clock helper is allowed where the annotated method reaches it, and counts where {@code run} reaches it. */
	public static class AllowedMethodAndDirectPath implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return logLine(input) + Clock.now(); // hazard: AllowedCorpus.direct path
		}

		@AllowNondeterminism(reason = "the time only goes into a log line")
		private String logLine(String input) {
			return input + Clock.now();
		}

	}

	/** Only reached through the annotated method: allowed. */
	public static class AllowedMethodOnly implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return logLine(input);
		}

		@AllowNondeterminism(reason = "the time only goes into a log line")
		private String logLine(String input) {
			return input + Clock.now();
		}

	}

	/** Every method of the class is allowed. */
	public static class AllowedClass implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + LegacyIds.next();
		}

	}

	@AllowNondeterminism(reason = "ids made here are recorded by the activity that stores them")
	static final class LegacyIds {

		static int next() {
			return new Random().nextInt();
		}

	}

	/** A blank reason allows nothing, and the finding says why. */
	public static class BlankReason implements CorpusWorkflow {

		@Override
		@AllowNondeterminism(reason = " ")
		public String run(String input) {
			return input + Instant.now();
		}

	}

	/** An annotated constructor allows its injection of I/O (a workflow that only passes it on, say). */
	public static class AllowedInjection implements CorpusWorkflow {

		@AllowNondeterminism(reason = "kept for a migration; never called from workflow code")
		public AllowedInjection(JdbcTemplate jdbc) {
		}

		@Override
		public String run(String input) {
			return input;
		}

	}

	/** Hazards that the property allows by API, by method and by static field. */
	public static class ListedInProperty implements CorpusWorkflow {

		static int runs;

		@Override
		public String run(String input) {
			runs++;
			return input + new Random().nextInt() + Clock.now();
		}

	}

	static final class Clock {

		static long now() {
			return System.currentTimeMillis(); // hazard: AllowedCorpus.Clock
		}

	}

}
