package io.github.workerstarter.determinism.corpus;

import java.util.List;

import static io.github.workerstarter.determinism.HazardCategory.STATIC_STATE;

/** Workflows that write static fields, one way each. */
final class StaticStateCorpus {

	private StaticStateCorpus() {
	}

	@Hazard(category = STATIC_STATE, api = "io.github.workerstarter.determinism.corpus.StaticStateCorpus$Direct.runs",
			method = "run", reach = Reach.DIRECT)
	static class Direct implements CorpusWorkflow {

		private static int runs;

		@Override
		public String run(String input) {
			runs++; // hazard: StaticStateCorpus.Direct
			return input;
		}

	}

	@Hazard(category = STATIC_STATE, api = "io.github.workerstarter.determinism.corpus.StaticStateCorpus$Registry.last",
			in = Registry.class, method = "remember", reach = Reach.HELPER)
	static class Helper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Registry.register(input);
			return input;
		}

	}

	static final class Registry {

		static String last;

		static void register(String value) {
			remember(value.trim());
		}

		static void remember(String value) {
			last = value; // hazard: StaticStateCorpus.Helper
		}

	}

	@Hazard(category = STATIC_STATE, api = "io.github.workerstarter.determinism.corpus.StaticStateCorpus$Metrics.count",
			in = Metrics.class, method = "record", reach = Reach.INJECTED_BEAN)
	static class InjectedBean implements CorpusWorkflow {

		private final Metrics metrics;

		InjectedBean(Metrics metrics) {
			this.metrics = metrics;
		}

		@Override
		public String run(String input) {
			this.metrics.record();
			return input;
		}

	}

	static class Metrics {

		static long count;

		void record() {
			count = count + 1; // hazard: StaticStateCorpus.InjectedBean
		}

	}

	@Hazard(category = STATIC_STATE, api = "io.github.workerstarter.determinism.corpus.StaticStateCorpus$Cache.lastKey",
			in = Caching.class, method = "cache", reach = Reach.DEFAULT_METHOD)
	static class DefaultMethod implements CorpusWorkflow, Caching {

		@Override
		public String run(String input) {
			cache(input);
			return input;
		}

	}

	interface Caching {

		default void cache(String key) {
			Cache.lastKey = key; // hazard: StaticStateCorpus.DefaultMethod
		}

	}

	static final class Cache {

		static String lastKey;

		private Cache() {
		}

	}

	@Hazard(category = STATIC_STATE, api = "io.github.workerstarter.determinism.corpus.StaticStateCorpus$Totals.total",
			in = StreamLambda.class, method = "lambda$run$0", reach = Reach.STREAM_LAMBDA)
	static class StreamLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			List.of(input).stream().forEach((item) -> Totals.total += item.length()); // hazard: StaticStateCorpus.StreamLambda
			return input;
		}

	}

	static final class Totals {

		static int total;

		private Totals() {
		}

	}

	@Hazard(category = STATIC_STATE,
			api = "io.github.workerstarter.determinism.corpus.StaticStateCorpus$Constructor.lastCreated",
			method = "<init>", reach = Reach.CONSTRUCTOR)
	static class Constructor implements CorpusWorkflow {

		static Constructor lastCreated;

		Constructor() {
			lastCreated = this; // hazard: StaticStateCorpus.Constructor
		}

		@Override
		public String run(String input) {
			return input;
		}

	}

	@Hazard(category = STATIC_STATE, api = "io.github.workerstarter.determinism.corpus.StaticStateCorpus$CountingBase.started",
			in = CountingBase.class, method = "started", reach = Reach.SUPERCLASS)
	static class Superclass extends CountingBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			started();
			return input;
		}

	}

	abstract static class CountingBase {

		static int started;

		protected void started() {
			started++; // hazard: StaticStateCorpus.Superclass
		}

	}

}
