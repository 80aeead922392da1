package io.github.workerstarter.benchmarks.child;

import java.util.concurrent.TimeUnit;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;

/**
 * The raw variant: the SDK wired by hand the way its samples do it, no Spring. {@code embedded} starts the same
 * in-process test server the starter uses for {@code temporal.target=embedded}.
 */
public final class RawWorkers implements AutoCloseable {

	private final TestServer.InProcessTestServer server;

	private final WorkflowServiceStubs stubs;

	private final WorkflowClient client;

	private final WorkerFactory factory;

	public RawWorkers(String target) {
		WorkflowServiceStubsOptions.Builder stubsOptions = WorkflowServiceStubsOptions.newBuilder();
		if (BenchWorkerOptions.EMBEDDED.equals(target)) {
			this.server = TestServer.createServer(true);
			stubsOptions.setChannel(this.server.getChannel());
		}
		else {
			this.server = null;
			stubsOptions.setTarget(target);
		}
		this.stubs = WorkflowServiceStubs.newServiceStubs(stubsOptions.build());
		this.client = WorkflowClient.newInstance(this.stubs,
				WorkflowClientOptions.newBuilder().setNamespace(BenchWorkerOptions.NAMESPACE).build());
		this.factory = WorkerFactory.newInstance(this.client);
	}

	public WorkflowClient client() {
		return this.client;
	}

	public WorkerFactory factory() {
		return this.factory;
	}

	/**
	 * Stops as the SDK documents it: no new tasks, in-flight tasks may finish within the timeout, then interrupt.
	 * @param drainSeconds how long in-flight tasks may run
	 */
	public void shutdown(long drainSeconds) {
		this.factory.shutdown();
		this.factory.awaitTermination(drainSeconds, TimeUnit.SECONDS);
		if (!this.factory.isTerminated()) {
			this.factory.shutdownNow();
			this.factory.awaitTermination(5, TimeUnit.SECONDS);
		}
		this.stubs.shutdown();
		this.stubs.awaitTermination(5, TimeUnit.SECONDS);
		if (this.server != null) {
			this.server.close();
		}
	}

	@Override
	public void close() {
		shutdown(25);
	}

}
