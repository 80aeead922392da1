package io.github.workerstarter.determinism.corpus;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.github.workerstarter.determinism.HazardCategory.RANDOMNESS;

/** Workflows that draw unseeded random numbers, one way each. */
final class RandomnessCorpus {

	private RandomnessCorpus() {
	}

	@Hazard(category = RANDOMNESS, api = "java.util.UUID.randomUUID", method = "run", reach = Reach.DIRECT)
	static class Direct implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + UUID.randomUUID(); // hazard: RandomnessCorpus.Direct
		}

	}

	@Hazard(category = RANDOMNESS, api = "java.lang.Math.random", in = Ids.class, method = "token",
			reach = Reach.HELPER)
	static class Helper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return Ids.next(input);
		}

	}

	static final class Ids {

		static String next(String prefix) {
			return prefix + "-" + token();
		}

		static long token() {
			return (long) (Math.random() * 1_000_000); // hazard: RandomnessCorpus.Helper
		}

	}

	@Hazard(category = RANDOMNESS, api = "java.security.SecureRandom.<init>", in = TokenGenerator.class,
			method = "token", reach = Reach.INJECTED_BEAN)
	static class InjectedBean implements CorpusWorkflow {

		private final TokenGenerator tokens;

		InjectedBean(TokenGenerator tokens) {
			this.tokens = tokens;
		}

		@Override
		public String run(String input) {
			return input + this.tokens.token();
		}

	}

	/** A concrete bean class: its methods are followed without a lookup. */
	static class TokenGenerator {

		int token() {
			return new SecureRandom().nextInt(); // hazard: RandomnessCorpus.InjectedBean
		}

	}

	@Hazard(category = RANDOMNESS, api = "java.util.Collections.shuffle", in = Shuffling.class, method = "shuffled",
			reach = Reach.DEFAULT_METHOD)
	static class DefaultMethod implements CorpusWorkflow, Shuffling {

		@Override
		public String run(String input) {
			return shuffled(List.of(input, "b", "c")).toString();
		}

	}

	interface Shuffling {

		default List<String> shuffled(List<String> items) {
			List<String> copy = new ArrayList<>(items);
			Collections.shuffle(copy); // hazard: RandomnessCorpus.DefaultMethod
			return copy;
		}

	}

	@Hazard(category = RANDOMNESS, api = "java.util.Random.<init>", method = "lambda$run$0",
			reach = Reach.STREAM_LAMBDA)
	static class StreamLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return List.of(input).stream()
				.map((item) -> item + new Random().nextInt(10)) // hazard: RandomnessCorpus.StreamLambda
				.findFirst()
				.orElse("");
		}

	}

	@Hazard(category = RANDOMNESS, api = "java.util.Random.<init>", method = "<init>", reach = Reach.CONSTRUCTOR)
	static class FieldInitializer implements CorpusWorkflow {

		private final Random random = new Random(); // hazard: RandomnessCorpus.FieldInitializer

		@Override
		public String run(String input) {
			return input + this.random.nextInt(6);
		}

	}

	@Hazard(category = RANDOMNESS, api = "java.util.UUID.randomUUID", in = IdentifiedBase.class, method = "newId",
			reach = Reach.SUPERCLASS)
	static class Superclass extends IdentifiedBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + newId();
		}

	}

	abstract static class IdentifiedBase {

		protected String newId() {
			return UUID.randomUUID().toString(); // hazard: RandomnessCorpus.Superclass
		}

	}

	@Hazard(category = RANDOMNESS, api = "java.util.concurrent.ThreadLocalRandom.current", method = "run",
			reach = Reach.DIRECT)
	static class ThreadLocal implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + ThreadLocalRandom.current().nextInt(100); // hazard: RandomnessCorpus.ThreadLocal
		}

	}

}
