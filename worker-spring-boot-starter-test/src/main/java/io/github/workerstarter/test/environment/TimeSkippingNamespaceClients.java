package io.github.workerstarter.test.environment;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.connection.WorkflowClientOptionsCustomizer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkflowClientInterceptor;

/**
 * Gives the clients of further namespaces ({@code temporal.namespaces}) the environment's time-locking interceptor, so
 * waiting for a workflow's result through {@code @Qualifier("billing") WorkflowClient} skips time as it does through
 * the main client. The SDK adds that interceptor only to the environment's own client; it belongs to the in-process
 * server, which every namespace without a connection of its own shares. Known only once the environment exists, so
 * the environment's own options (built before) are left alone.
 */
final class TimeSkippingNamespaceClients implements WorkflowClientOptionsCustomizer {

	private static final String TIME_LOCKING_INTERCEPTOR = "io.temporal.testing.TimeLockingInterceptor";

	private volatile @Nullable WorkflowClientInterceptor timeLocking;

	/**
	 * Takes the interceptor from the environment's client.
	 * @param environmentClient the client {@code TestWorkflowEnvironment.getWorkflowClient()} made
	 */
	void capture(WorkflowClient environmentClient) {
		this.timeLocking = Arrays.stream(environmentClient.getOptions().getInterceptors())
			.filter((interceptor) -> interceptor.getClass().getName().equals(TIME_LOCKING_INTERCEPTOR))
			.findFirst()
			.orElse(null);
	}

	@Override
	public void customize(WorkflowClientOptions.Builder builder) {
		WorkflowClientInterceptor interceptor = this.timeLocking;
		if (interceptor == null) {
			return;
		}
		WorkflowClientInterceptor[] interceptors = builder.build().getInterceptors();
		if (Arrays.asList(interceptors).contains(interceptor)) {
			return;
		}
		WorkflowClientInterceptor[] withTimeLocking = Arrays.copyOf(interceptors, interceptors.length + 1);
		withTimeLocking[interceptors.length] = interceptor;
		builder.setInterceptors(withTimeLocking);
	}

}
