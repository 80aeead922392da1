package io.github.workerstarter.benchmarks.growth;

import java.util.List;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.RawWorkers;
import io.temporal.worker.Worker;

/** Raw variant of the growth run: a loop over the queues, one worker each with the workflow and the activity. */
public final class GrowthRawWorker {

	private GrowthRawWorker() {
	}

	public static void main(String[] argv) {
		ChildArgs args = ChildArgs.parse(argv);
		List<String> queues = GrowthQueues.names(args);
		RawWorkers raw = new RawWorkers(args.string("target"));
		GrowthActivitiesImpl activities = new GrowthActivitiesImpl();
		for (String queue : queues) {
			Worker worker = raw.factory().newWorker(queue, BenchWorkerOptions.rawBuilder().setIdentity(queue).build());
			worker.registerWorkflowImplementationTypes(GrowthWorkflowImpl.class);
			worker.registerActivitiesImplementations(activities);
		}
		raw.factory().start();
		ChildOutput.mark("WORKERS_POLLING");
		GrowthRun.report(GrowthRun.measure(raw.client(), queues));
		raw.shutdown(25);
		System.exit(0);
	}

}
