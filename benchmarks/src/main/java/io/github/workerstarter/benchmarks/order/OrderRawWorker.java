package io.github.workerstarter.benchmarks.order;

import java.util.Map;

import io.github.workerstarter.benchmarks.child.BenchWorkerOptions;
import io.github.workerstarter.benchmarks.child.ChildArgs;
import io.github.workerstarter.benchmarks.child.ChildOutput;
import io.github.workerstarter.benchmarks.child.RawWorkers;
import io.github.workerstarter.benchmarks.child.StartupPhases;
import io.temporal.worker.Worker;

/**
 * Raw variant of the order worker: two workers (order queue, activity-only payment queue) wired by hand with the
 * same options the starter variant gets from properties. No Spring class is loaded.
 */
public final class OrderRawWorker {

	private OrderRawWorker() {
	}

	public static void main(String[] argv) throws Exception {
		StartupPhases.reached("main");
		ChildArgs args = ChildArgs.parse(argv);
		RawWorkers raw = startWorkers(args.string("target"), args.string("queue"), args.flag("train"),
				(int) args.number("idle-queues", 0));
		Map<String, Object> result = OrderRun.run(raw.client(), args);
		ChildOutput.result(result);
		raw.shutdown(25);
		System.exit(0);
	}

	/**
	 * The hand wiring, also used by the plain Boot variant of the startup scenario.
	 * @param train a training run for a class data archive: exit once everything is built, before the workers
	 * start, the point where Spring's {@code spring.context.exit=onRefresh} ends the training of the Boot variants
	 */
	public static RawWorkers startWorkers(String target, String queue, boolean train) {
		return startWorkers(target, queue, train, 0);
	}

	/**
	 * The hand wiring with further queues that run the same workflow and activities but get no load.
	 * @param idleQueues how many such queues
	 */
	public static RawWorkers startWorkers(String target, String queue, boolean train, int idleQueues) {
		RawWorkers raw = new RawWorkers(target);
		StartupPhases.reached("client-built");

		Worker orders = raw.factory().newWorker(queue, BenchWorkerOptions.rawBuilder().build());
		orders.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
		orders.registerActivitiesImplementations(new InventoryActivitiesImpl(), new OrderStatusActivitiesImpl());
		Worker payments = raw.factory().newWorker(OrderQueues.paymentQueue(queue), BenchWorkerOptions.rawBuilder().build());
		payments.registerActivitiesImplementations(new PaymentActivitiesImpl());
		for (String idle : OrderQueues.idleQueues(queue, idleQueues)) {
			Worker worker = raw.factory().newWorker(idle, BenchWorkerOptions.rawBuilder().build());
			worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
			worker.registerActivitiesImplementations(new InventoryActivitiesImpl(), new OrderStatusActivitiesImpl());
		}
		StartupPhases.reached("workers-registered");
		if (train) {
			System.exit(0);
		}

		raw.factory().start();
		StartupPhases.reached("workers-started");
		ChildOutput.mark("WORKERS_POLLING");
		return raw;
	}

}
