package io.github.workerstarter.connection;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Context;
import io.grpc.Deadline;

/**
 * Bounds one call of the Temporal SDK's client, retries included. The SDK retries a failed call (an unreachable
 * server for up to a minute, a query until the server gives up on the workflow's worker); it stops once the deadline
 * of the current gRPC {@link Context} has passed, and every attempt carries that deadline. So a call made here ends
 * about {@code timeout} after it started (at most one retry interval later), failing with the SDK's exception for
 * {@code DEADLINE_EXCEEDED} or for the last error it saw, e.g. {@code UNAVAILABLE}.
 *
 * <pre>{@code
 * String step = ClientCallTimeout.within(Duration.ofSeconds(2), () -> order.currentStep());   // a query
 * }</pre>
 *
 * A deadline set around this call (an outer {@code within}, or {@code temporal.client.call-timeout}) that ends
 * earlier still applies.
 */
public final class ClientCallTimeout {

	// cancels a context when its deadline passes; one daemon thread for the whole application
	private static final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "temporal-client-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	private ClientCallTimeout() {
	}

	/**
	 * Runs a client call with an upper bound on its total time.
	 * @param timeout the bound, retries included
	 * @param call the SDK client call, e.g. {@code () -> stub.query(...)} or {@code () -> WorkflowClient.start(...)}
	 * @param <T> what the call returns
	 * @return what the call returned
	 */
	public static <T> T within(Duration timeout, Supplier<T> call) {
		Context.CancellableContext context = Context.current()
			.withDeadline(Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS), deadlines);
		Context previous = context.attach();
		try {
			return call.get();
		}
		finally {
			context.detach(previous);
			context.cancel(null);
		}
	}

}
