package io.github.workerstarter.benchmarks.drain;

import java.util.concurrent.CountDownLatch;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.RawWorkers;
import io.temporal.worker.Worker;

/**
 * Raw variant of the drain: what a hand-written worker main does on SIGTERM, a shutdown hook that shuts the
 * factory down, waits up to the same drain timeout the starter uses (25 s), then interrupts.
 */
public final class DrainRawWorker {

	private DrainRawWorker() {
	}

	public static void main(String[] argv) throws Exception {
		ChildArgs args = ChildArgs.parse(argv);
		DrainCounters counters = new DrainCounters(args.integer("activities"));
		RawWorkers raw = new RawWorkers(args.string("target"));
		Worker worker = raw.factory().newWorker(args.string("queue"), BenchWorkerOptions.rawBuilder().build());
		worker.registerWorkflowImplementationTypes(SleepWorkflowImpl.class);
		worker.registerActivitiesImplementations(new SleepActivitiesImpl(counters));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			raw.shutdown(25);
			counters.report();
		}, "drain-on-sigterm"));
		raw.factory().start();
		ChildOutput.mark("WORKERS_POLLING");
		DrainLoad.start(raw.client(), args);
		new CountDownLatch(1).await(); // until SIGTERM
	}

}
