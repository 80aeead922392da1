package io.github.workerstarter.testing;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** A plain SDK client to a server, outside any application context: to look at histories after an app is gone. */
public record ServerClient(WorkflowServiceStubs stubs, WorkflowClient client) implements AutoCloseable {

	public static ServerClient connect(String target) {
		WorkflowServiceStubs stubs = WorkflowServiceStubs
			.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
		return new ServerClient(stubs, WorkflowClient.newInstance(stubs));
	}

	@Override
	public void close() {
		this.stubs.shutdown();
	}

}
