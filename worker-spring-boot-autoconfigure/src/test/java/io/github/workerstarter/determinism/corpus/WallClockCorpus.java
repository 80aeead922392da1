package io.github.workerstarter.determinism.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import static io.github.workerstarter.determinism.HazardCategory.WALL_CLOCK;

/** Workflows that read the wall clock, one way each. */
final class WallClockCorpus {

	private WallClockCorpus() {
	}

	@Hazard(category = WALL_CLOCK, api = "java.time.LocalDate.now", method = "run", reach = Reach.DIRECT)
	static class Direct implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + LocalDate.now(); // hazard: WallClockCorpus.Direct
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.time.Instant.now", in = Deadlines.class, method = "startOfToday",
			reach = Reach.HELPER)
	static class Helper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return Deadlines.due(input).toString();
		}

	}

	static final class Deadlines {

		static Instant due(String claim) {
			return startOfToday().plusSeconds(claim.length() * 86_400L);
		}

		static Instant startOfToday() {
			return Instant.now(); // hazard: WallClockCorpus.Helper
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.lang.System.currentTimeMillis", in = SystemBusinessCalendar.class,
			method = "today", reach = Reach.INJECTED_BEAN)
	static class InjectedBean implements CorpusWorkflow {

		private final BusinessCalendar calendar;

		InjectedBean(BusinessCalendar calendar) {
			this.calendar = calendar;
		}

		@Override
		public String run(String input) {
			return input + this.calendar.today();
		}

	}

	/** A bean interface; the test's bean lookup answers {@link SystemBusinessCalendar}. */
	interface BusinessCalendar {

		long today();

	}

	static class SystemBusinessCalendar implements BusinessCalendar {

		@Override
		public long today() {
			return System.currentTimeMillis() / 86_400_000L; // hazard: WallClockCorpus.InjectedBean
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.util.Date.<init>", in = Stamped.class, method = "stamp",
			reach = Reach.DEFAULT_METHOD)
	static class DefaultMethod implements CorpusWorkflow, Stamped {

		@Override
		public String run(String input) {
			return input + stamp();
		}

	}

	interface Stamped {

		default String stamp() {
			return new Date().toString(); // hazard: WallClockCorpus.DefaultMethod
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.lang.System.nanoTime", method = "lambda$run$0",
			reach = Reach.STREAM_LAMBDA)
	static class StreamLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return List.of(input).stream()
				.map((item) -> item + System.nanoTime()) // hazard: WallClockCorpus.StreamLambda
				.findFirst()
				.orElse("");
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.lang.System.currentTimeMillis", method = "<init>",
			reach = Reach.CONSTRUCTOR)
	static class FieldInitializer implements CorpusWorkflow {

		private final long started = System.currentTimeMillis(); // hazard: WallClockCorpus.FieldInitializer

		@Override
		public String run(String input) {
			return input + this.started;
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.util.Calendar.getInstance", method = "<init>",
			reach = Reach.CONSTRUCTOR)
	static class Constructor implements CorpusWorkflow {

		private final int year;

		Constructor() {
			this.year = Calendar.getInstance().get(Calendar.YEAR); // hazard: WallClockCorpus.Constructor
		}

		@Override
		public String run(String input) {
			return input + this.year;
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.time.ZonedDateTime.now", in = TimedBase.class, method = "stamp",
			reach = Reach.SUPERCLASS)
	static class Superclass extends TimedBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + stamp();
		}

	}

	abstract static class TimedBase {

		protected String stamp() {
			return ZonedDateTime.now().toString(); // hazard: WallClockCorpus.Superclass
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.time.LocalTime.now", method = "run", reach = Reach.METHOD_REFERENCE)
	static class MethodReference implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Supplier<LocalTime> clock = LocalTime::now; // hazard: WallClockCorpus.MethodReference
			return input + clock.get();
		}

	}

	@Hazard(category = WALL_CLOCK, api = "java.lang.System.currentTimeMillis", in = BootTime.class,
			method = "<clinit>", reach = Reach.STATIC_INITIALIZER)
	static class StaticInitializer implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + BootTime.STARTED;
		}

	}

	static final class BootTime {

		static final Long STARTED = System.currentTimeMillis(); // hazard: WallClockCorpus.StaticInitializer

		private BootTime() {
		}

	}

}
