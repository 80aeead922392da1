package io.github.workerstarter.determinism.corpus;

import java.util.List;

import org.springframework.core.env.Environment;

import static io.github.workerstarter.determinism.HazardCategory.ENVIRONMENT;

/** Workflows that read the environment of the JVM they run in, one way each. */
final class EnvironmentCorpus {

	private EnvironmentCorpus() {
	}

	@Hazard(category = ENVIRONMENT, api = "java.lang.System.getenv", method = "run", reach = Reach.DIRECT)
	static class Direct implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + System.getenv("REGION"); // hazard: EnvironmentCorpus.Direct
		}

	}

	@Hazard(category = ENVIRONMENT, api = "java.lang.System.getProperty", in = Settings.class, method = "read",
			reach = Reach.HELPER)
	static class Helper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + Settings.region();
		}

	}

	static final class Settings {

		static String region() {
			return read("app.region");
		}

		static String read(String key) {
			return System.getProperty(key, "eu"); // hazard: EnvironmentCorpus.Helper
		}

	}

	@Hazard(category = ENVIRONMENT, api = "org.springframework.core.env.Environment.getProperty", method = "run",
			reach = Reach.INJECTED_BEAN)
	static class InjectedBean implements CorpusWorkflow {

		private final Environment environment;

		InjectedBean(Environment environment) {
			this.environment = environment;
		}

		@Override
		public String run(String input) {
			return input + this.environment.getProperty("app.region"); // hazard: EnvironmentCorpus.InjectedBean
		}

	}

	@Hazard(category = ENVIRONMENT, api = "java.lang.Integer.getInteger", in = Retrying.class, method = "retries",
			reach = Reach.DEFAULT_METHOD)
	static class DefaultMethod implements CorpusWorkflow, Retrying {

		@Override
		public String run(String input) {
			return input + retries();
		}

	}

	interface Retrying {

		default int retries() {
			return Integer.getInteger("app.retries", 3); // hazard: EnvironmentCorpus.DefaultMethod
		}

	}

	@Hazard(category = ENVIRONMENT, api = "java.lang.System.getenv", method = "lambda$run$0",
			reach = Reach.STREAM_LAMBDA)
	static class StreamLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return List.of(input).stream()
				.map((name) -> System.getenv(name)) // hazard: EnvironmentCorpus.StreamLambda
				.findFirst()
				.orElse("");
		}

	}

	@Hazard(category = ENVIRONMENT, api = "java.lang.System.getProperty", method = "<init>", reach = Reach.CONSTRUCTOR)
	static class FieldInitializer implements CorpusWorkflow {

		private final String zone = System.getProperty("user.timezone"); // hazard: EnvironmentCorpus.FieldInitializer

		@Override
		public String run(String input) {
			return input + this.zone;
		}

	}

	@Hazard(category = ENVIRONMENT, api = "java.lang.Boolean.getBoolean", in = FeatureBase.class, method = "enabled",
			reach = Reach.SUPERCLASS)
	static class Superclass extends FeatureBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + enabled();
		}

	}

	abstract static class FeatureBase {

		protected boolean enabled() {
			return Boolean.getBoolean("app.feature"); // hazard: EnvironmentCorpus.Superclass
		}

	}

}
