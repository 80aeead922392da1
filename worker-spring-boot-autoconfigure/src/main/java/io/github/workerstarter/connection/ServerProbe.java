package io.github.workerstarter.connection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.temporal.api.namespace.v1.NamespaceInfo;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * Cheap, time-bounded questions to the server: is it there, and does our namespace exist. Each call carries its own
 * gRPC deadline and bypasses the SDK's retries, so a dead server costs at most the timeout.
 */
public class ServerProbe {

	private final WorkflowServiceStubs stubs;

	private final String namespace;

	private final String target;

	private final Object startupMonitor = new Object();

	private @Nullable Result startupResult;

	private volatile boolean sdkTestServer;

	private volatile boolean completesPollsOnShutdown;

	private volatile boolean advertisesPollerAutoscaling;

	public ServerProbe(WorkflowServiceStubs stubs, String namespace, String target) {
		this.stubs = stubs;
		this.namespace = namespace;
		this.target = target;
	}

	/**
	 * What the server said, or why it said nothing.
	 *
	 * @param outcome the answer
	 * @param detail the server's words or the error, for messages
	 * @param tlsFailure whether the connection failed in the TLS handshake (certificate not trusted, wrong host
	 * name, client certificate refused), so the fix is in the TLS settings rather than the target
	 */
	public record Result(Outcome outcome, String detail, boolean tlsFailure) {

		public Result(Outcome outcome, String detail) {
			this(outcome, detail, false);
		}

		public boolean isReachable() {
			return this.outcome == Outcome.REACHABLE;
		}

	}

	/** The possible answers. */
	public enum Outcome {

		/** The server answered and the namespace exists. */
		REACHABLE,

		/** The server answered that the namespace does not exist. */
		NAMESPACE_NOT_FOUND,

		/** No answer within the timeout, or the connection failed. */
		UNREACHABLE

	}

	/**
	 * Asks the server to describe our namespace.
	 * @param timeout the gRPC deadline
	 * @return the outcome
	 */
	public Result describeNamespace(Duration timeout) {
		try {
			DescribeNamespaceResponse response = this.stubs.blockingStub()
				.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(this.namespace).build());
			NamespaceInfo.Capabilities capabilities = response.getNamespaceInfo().getCapabilities();
			this.completesPollsOnShutdown = capabilities.getWorkerPollCompleteOnShutdown();
			this.advertisesPollerAutoscaling = capabilities.getPollerAutoscaling()
					|| capabilities.getPollerAutoscalingAutoEnroll();
			return new Result(Outcome.REACHABLE, "namespace '" + this.namespace + "' found");
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.NOT_FOUND) {
				return new Result(Outcome.NAMESPACE_NOT_FOUND, describe(ex));
			}
			return unreachable(ex);
		}
	}

	/**
	 * The startup check: asks for the namespace and, when the server answers, what kind of server it is. Made once
	 * and remembered until {@link #forgetStartupCheck}, so that whoever needs it first (the lifecycle's early check, the
	 * worker registry deciding on sticky execution, the lifecycle about to poll) pays the wait and the others do not
	 * wait again.
	 * @param timeout the gRPC deadline of each call
	 * @return the outcome of describing the namespace
	 */
	public Result startupCheck(Duration timeout) {
		synchronized (this.startupMonitor) {
			if (this.startupResult == null) {
				this.startupResult = describeNamespace(timeout);
				if (this.startupResult.outcome() != Outcome.UNREACHABLE) {
					this.sdkTestServer = askIfSdkTestServer(timeout);
				}
			}
			return this.startupResult;
		}
	}

	/** Forgets the startup check's result: the next {@link #startupCheck} asks the server again. */
	public void forgetStartupCheck() {
		synchronized (this.startupMonitor) {
			this.startupResult = null;
		}
	}

	/**
	 * Whether the startup check found the SDK's Java test server ({@code temporal-test-server}) rather than a
	 * Temporal server: it reports no server version. It differs from a cluster where it matters to workers: it never
	 * times out sticky queues.
	 * @return true when the server answered the startup check as the SDK's test server
	 */
	public boolean isSdkTestServer() {
		return this.sdkTestServer;
	}

	/**
	 * Whether the server, at its last answer to {@link #describeNamespace}, said it completes a stopping worker's
	 * waiting polls itself (the {@code worker_poll_complete_on_shutdown} namespace capability). When it does, the SDK
	 * lets those polls come back empty at shutdown; when it does not, the SDK cancels them, and a task handed to one
	 * at that instant is lost until its timeout.
	 * @return true when the server completes polls on shutdown
	 */
	public boolean completesPollsOnShutdown() {
		return this.completesPollsOnShutdown;
	}

	/**
	 * Whether the namespace, at the server's last answer to {@link #describeNamespace}, advertised poller autoscaling
	 * (the {@code poller_autoscaling} capability: its answers to polls carry scaling hints; or
	 * {@code poller_autoscaling_auto_enroll}, which asks SDKs to scale pollers unless told otherwise).
	 * @return true when the server supports poller autoscaling for the namespace
	 */
	public boolean advertisesPollerAutoscaling() {
		return this.advertisesPollerAutoscaling;
	}

	private boolean askIfSdkTestServer(Duration timeout) {
		try {
			return this.stubs.blockingStub()
				.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
				.getServerVersion()
				.isEmpty();
		}
		catch (StatusRuntimeException ex) {
			return false;
		}
	}

	/**
	 * The gRPC health check of the Temporal frontend. While the connection is down, gRPC waits out a growing backoff
	 * before it tries to connect again (the SDK resets it every 10 s); a check then asks for an attempt at once, so a
	 * readiness probe sees a server that is back within one probe period.
	 * @param timeout the gRPC deadline
	 * @return REACHABLE when the service reports SERVING
	 */
	public Result healthCheck(Duration timeout) {
		ManagedChannel channel = this.stubs.getRawChannel();
		if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
			channel.resetConnectBackoff();
		}
		try {
			HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
				.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
				.check(HealthCheckRequest.newBuilder().setService(WorkflowServiceStubs.HEALTH_CHECK_SERVICE_NAME).build());
			boolean serving = response.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
			return new Result(serving ? Outcome.REACHABLE : Outcome.UNREACHABLE, response.getStatus().name());
		}
		catch (StatusRuntimeException ex) {
			return unreachable(ex);
		}
	}

	/** The target as configured, for messages. */
	public String target() {
		return this.target;
	}

	/** The namespace, for messages. */
	public String namespace() {
		return this.namespace;
	}

	private static Result unreachable(StatusRuntimeException ex) {
		SSLException tls = tlsCause(ex);
		if (tls != null) {
			// the engine's own message can be generic ("General OpenSslEngine problem"); the reason is in its causes
			StringBuilder detail = new StringBuilder("TLS handshake failed: ").append(tls.getMessage());
			for (Throwable cause = tls.getCause(); cause != null; cause = cause.getCause()) {
				if (cause.getMessage() != null && detail.indexOf(cause.getMessage()) < 0) {
					detail.append(": ").append(cause.getMessage());
				}
			}
			return new Result(Outcome.UNREACHABLE, detail.toString(), true);
		}
		return new Result(Outcome.UNREACHABLE, describe(ex));
	}

	// gRPC reports a failed handshake as UNAVAILABLE ("io exception"); the reason is only in the causes
	private static @Nullable SSLException tlsCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLException ssl) {
				return ssl;
			}
		}
		return null;
	}

	private static String describe(StatusRuntimeException ex) {
		Status status = ex.getStatus();
		return status.getCode() + ((status.getDescription() != null) ? ": " + status.getDescription() : "");
	}

}
