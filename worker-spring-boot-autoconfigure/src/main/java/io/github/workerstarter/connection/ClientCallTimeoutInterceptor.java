package io.github.workerstarter.connection;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;

/**
 * {@code temporal.client.call-timeout}: bounds the client calls that do not wait for a workflow (start, signal,
 * signal-with-start, query, describe, cancel, terminate) with {@link ClientCallTimeout}, and fails them at once with
 * {@link TemporalUnavailableException} while the gRPC channel is in {@code TRANSIENT_FAILURE} (its last attempt to
 * connect failed; gRPC itself would fail each attempt at once and the SDK would retry until the timeout). A request
 * thread of a web application thus never waits longer than the timeout for a server that is gone. Waiting for a
 * result, updates and listings keep the SDK's own bounds.
 */
public class ClientCallTimeoutInterceptor extends WorkflowClientInterceptorBase {

	private final Duration timeout;

	private final Supplier<ManagedChannel> channel;

	private final Supplier<String> target;

	public ClientCallTimeoutInterceptor(Duration timeout, ManagedChannel channel, String target) {
		this(timeout, () -> channel, () -> target);
	}

	/**
	 * An interceptor that finds its channel at the first call: the client (or a test environment) it serves may be
	 * built from the very stubs that own the channel, so asking for them earlier would go round in a circle.
	 * @param timeout the bound of each call
	 * @param channel the channel to watch
	 * @param target the server, for messages
	 */
	public ClientCallTimeoutInterceptor(Duration timeout, Supplier<ManagedChannel> channel, Supplier<String> target) {
		this.timeout = timeout;
		this.channel = SingletonSupplier.of(channel);
		this.target = SingletonSupplier.of(target);
	}

	/**
	 * The same timeout for a client on another connection (a namespace with a connection of its own).
	 * @param channel that connection's channel
	 * @param target its target, for messages
	 * @return an interceptor watching that channel
	 */
	public ClientCallTimeoutInterceptor forChannel(ManagedChannel channel, String target) {
		return (channel == this.channel.get()) ? this : new ClientCallTimeoutInterceptor(this.timeout, channel, target);
	}

	@Override
	public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
		return new BoundedCalls(next);
	}

	private <T> T bounded(String operation, boolean deadlineMeansUnavailable, Supplier<T> call) {
		if (this.channel.get().getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
			throw new TemporalUnavailableException(this.target.get(), operation,
					"the connection is down (the last attempt to connect failed)", null);
		}
		try {
			return ClientCallTimeout.within(this.timeout, call);
		}
		catch (StatusRuntimeException ex) {
			Status.Code code = ex.getStatus().getCode();
			if (code == Status.Code.UNAVAILABLE || (code == Status.Code.DEADLINE_EXCEEDED && deadlineMeansUnavailable)) {
				throw new TemporalUnavailableException(this.target.get(), operation, "no answer within "
						+ "temporal.client.call-timeout (" + this.timeout.toMillis() + " ms): " + describe(ex), ex);
			}
			throw ex;
		}
	}

	private static String describe(StatusRuntimeException ex) {
		Status status = ex.getStatus();
		return status.getCode() + ((status.getDescription() != null) ? " (" + status.getDescription() + ")" : "");
	}

	private final class BoundedCalls extends WorkflowClientCallsInterceptorBase {

		BoundedCalls(WorkflowClientCallsInterceptor next) {
			super(next);
		}

		@Override
		public WorkflowStartOutput start(WorkflowStartInput input) {
			return bounded("start", true, () -> super.start(input));
		}

		@Override
		public WorkflowSignalOutput signal(WorkflowSignalInput input) {
			return bounded("signal", true, () -> super.signal(input));
		}

		@Override
		public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
			return bounded("signalWithStart", true, () -> super.signalWithStart(input));
		}

		// the server answered but the workflow's worker did not: not the connection's fault
		@Override
		public <R> QueryOutput<R> query(QueryInput<R> input) {
			return bounded("query", false, () -> super.query(input));
		}

		@Override
		public DescribeWorkflowOutput describe(DescribeWorkflowInput input) {
			return bounded("describe", true, () -> super.describe(input));
		}

		@Override
		public CancelOutput cancel(CancelInput input) {
			return bounded("cancel", true, () -> super.cancel(input));
		}

		@Override
		public TerminateOutput terminate(TerminateInput input) {
			return bounded("terminate", true, () -> super.terminate(input));
		}

	}

}
