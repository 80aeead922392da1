package io.github.workerstarter.determinism.corpus;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static io.github.workerstarter.determinism.HazardCategory.THREADS;

/** Workflows that use threads, executors or blocking calls, one way each. */
final class ThreadsCorpus {

	private ThreadsCorpus() {
	}

	@Hazard(category = THREADS, api = "java.lang.Thread.sleep", method = "run", reach = Reach.DIRECT)
	static class Direct implements CorpusWorkflow {

		@Override
		public String run(String input) {
			try {
				Thread.sleep(100); // hazard: ThreadsCorpus.Direct
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return input;
		}

	}

	@Hazard(category = THREADS, api = "java.util.concurrent.TimeUnit.sleep", in = Backoff.class,
			method = "sleepQuietly", reach = Reach.HELPER)
	static class Helper implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Backoff.pause(input.length());
			return input;
		}

	}

	static final class Backoff {

		static void pause(int attempt) {
			sleepQuietly(attempt * 10L);
		}

		static void sleepQuietly(long millis) {
			try {
				TimeUnit.MILLISECONDS.sleep(millis); // hazard: ThreadsCorpus.Helper
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@Hazard(category = THREADS, api = "java.util.concurrent.CompletableFuture.runAsync", in = ReportPublisher.class,
			method = "publish", reach = Reach.INJECTED_BEAN)
	static class InjectedBean implements CorpusWorkflow {

		private final ReportPublisher publisher;

		InjectedBean(ReportPublisher publisher) {
			this.publisher = publisher;
		}

		@Override
		public String run(String input) {
			this.publisher.publish(input);
			return input;
		}

	}

	static class ReportPublisher {

		void publish(String report) {
			CompletableFuture.runAsync(report::length); // hazard: ThreadsCorpus.InjectedBean
		}

	}

	@Hazard(category = THREADS, api = "java.lang.Object.wait", in = Waiting.class, method = "waitBriefly",
			reach = Reach.DEFAULT_METHOD)
	static class DefaultMethod implements CorpusWorkflow, Waiting {

		@Override
		public String run(String input) {
			waitBriefly(input);
			return input;
		}

	}

	interface Waiting {

		default void waitBriefly(Object monitor) {
			synchronized (monitor) {
				try {
					monitor.wait(10); // hazard: ThreadsCorpus.DefaultMethod
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	@Hazard(category = THREADS, api = "java.lang.Thread.onSpinWait", method = "lambda$run$0",
			reach = Reach.STREAM_LAMBDA)
	static class StreamLambda implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return List.of(input).stream()
				.peek((item) -> Thread.onSpinWait()) // hazard: ThreadsCorpus.StreamLambda
				.findFirst()
				.orElse("");
		}

	}

	@Hazard(category = THREADS, api = "java.util.concurrent.locks.ReentrantLock.<init>", method = "<init>",
			reach = Reach.CONSTRUCTOR)
	static class Constructor implements CorpusWorkflow {

		private final ReentrantLock lock;

		Constructor() {
			this.lock = new ReentrantLock(); // hazard: ThreadsCorpus.Constructor
		}

		@Override
		public String run(String input) {
			return input + (this.lock != null);
		}

	}

	@Hazard(category = THREADS, api = "java.util.List.parallelStream", in = ParallelBase.class, method = "lengths",
			reach = Reach.SUPERCLASS)
	static class Superclass extends ParallelBase implements CorpusWorkflow {

		@Override
		public String run(String input) {
			return input + lengths(List.of(input));
		}

	}

	abstract static class ParallelBase {

		protected int lengths(List<String> items) {
			return items.parallelStream().mapToInt(String::length).sum(); // hazard: ThreadsCorpus.Superclass
		}

	}

	@Hazard(category = THREADS, api = "java.util.concurrent.Executors.newSingleThreadExecutor", method = "run",
			reach = Reach.DIRECT)
	static class Executor implements CorpusWorkflow {

		@Override
		public String run(String input) {
			Executors.newSingleThreadExecutor().shutdown(); // hazard: ThreadsCorpus.Executor
			return input;
		}

	}

}
