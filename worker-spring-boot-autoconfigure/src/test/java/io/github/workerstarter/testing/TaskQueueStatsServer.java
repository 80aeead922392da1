package io.github.workerstarter.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueueStats;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;

/**
 * A real gRPC server (grpc-java's in-process transport) in front of the SDK's test server that answers the one call
 * the test server does not implement, DescribeTaskQueue with {@code report_stats}, with the stats a test sets, and
 * passes every other call through to the test server unchanged. So workers poll and complete workflows on the real
 * test server while the backlog monitor reads known numbers. A queue the test set nothing for gets the answer of a
 * queue without backlog (all zero); {@link #fail} makes a queue's calls fail with a status instead.
 */
public final class TaskQueueStatsServer implements AutoCloseable {

	private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {

		@Override
		public InputStream stream(byte[] value) {
			return new ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(InputStream stream) {
			try {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	};

	private final Map<String, TaskQueueStats> stats = new ConcurrentHashMap<>();

	private final Map<String, Status> failures = new ConcurrentHashMap<>();

	private final List<DescribeTaskQueueRequest> requests = new CopyOnWriteArrayList<>();

	private final Server server;

	private final ManagedChannel channel;

	private TaskQueueStatsServer(Channel backend) {
		String name = InProcessServerBuilder.generateName();
		ServerServiceDefinition all = new Service().bindService();
		// DescribeTaskQueue alone: every other method of the service falls through to the test server
		ServerServiceDefinition describeOnly = ServerServiceDefinition.builder(WorkflowServiceGrpc.SERVICE_NAME)
			.addMethod(all.getMethod(WorkflowServiceGrpc.getDescribeTaskQueueMethod().getFullMethodName()))
			.build();
		try {
			this.server = InProcessServerBuilder.forName(name)
				.addService(describeOnly)
				.fallbackHandlerRegistry(new Forwarding(backend))
				.build()
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.channel = InProcessChannelBuilder.forName(name).build();
	}

	/**
	 * Starts one in front of a server.
	 * @param backend the channel of the server every other call goes to (the embedded test server's)
	 * @return the running server
	 */
	public static TaskQueueStatsServer inFrontOf(Channel backend) {
		return new TaskQueueStatsServer(backend);
	}

	/** The channel to give the stubs instead of the test server's. */
	public ManagedChannel channel() {
		return this.channel;
	}

	/**
	 * What DescribeTaskQueue answers for a queue's task type from now on.
	 * @param taskQueue the queue
	 * @param type its task type
	 * @param answer the stats
	 */
	public void answer(String taskQueue, TaskQueueType type, TaskQueueStats answer) {
		this.failures.remove(key(taskQueue, type));
		this.stats.put(key(taskQueue, type), answer);
	}

	/**
	 * Makes DescribeTaskQueue fail for a queue's task type from now on.
	 * @param taskQueue the queue
	 * @param type its task type
	 * @param status the failure
	 */
	public void fail(String taskQueue, TaskQueueType type, Status status) {
		this.failures.put(key(taskQueue, type), status);
	}

	/** Every DescribeTaskQueue request received, in order. */
	public List<DescribeTaskQueueRequest> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
		this.server.shutdownNow();
		try {
			this.server.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String key(String taskQueue, TaskQueueType type) {
		return taskQueue + "/" + type;
	}

	private final class Service extends WorkflowServiceGrpc.WorkflowServiceImplBase {

		@Override
		public void describeTaskQueue(DescribeTaskQueueRequest request,
				StreamObserver<DescribeTaskQueueResponse> observer) {
			TaskQueueStatsServer.this.requests.add(request);
			String key = key(request.getTaskQueue().getName(), request.getTaskQueueType());
			Status failure = TaskQueueStatsServer.this.failures.get(key);
			if (failure != null) {
				observer.onError(failure.asRuntimeException());
				return;
			}
			DescribeTaskQueueResponse.Builder response = DescribeTaskQueueResponse.newBuilder();
			if (request.getReportStats()) {
				response.setStats(TaskQueueStatsServer.this.stats.getOrDefault(key, TaskQueueStats.getDefaultInstance()));
			}
			observer.onNext(response.build());
			observer.onCompleted();
		}

	}

	// every method the service above does not have, unary as all of Temporal's and gRPC health's Check are, passed on
	// as bytes; the call runs in the incoming call's context, so its deadline and cancellation carry over
	private static final class Forwarding extends HandlerRegistry {

		private final Channel backend;

		private final Map<String, ServerMethodDefinition<byte[], byte[]>> methods = new ConcurrentHashMap<>();

		Forwarding(Channel backend) {
			this.backend = backend;
		}

		@Override
		public @Nullable ServerMethodDefinition<?, ?> lookupMethod(String methodName, @Nullable String authority) {
			return this.methods.computeIfAbsent(methodName, (name) -> {
				MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
					.setType(MethodDescriptor.MethodType.UNARY)
					.setFullMethodName(name)
					.setRequestMarshaller(BYTES)
					.setResponseMarshaller(BYTES)
					.build();
				return ServerMethodDefinition.create(method, ServerCalls.asyncUnaryCall((request,
						observer) -> ClientCalls.asyncUnaryCall(this.backend.newCall(method, CallOptions.DEFAULT),
								request, observer)));
			});
		}

	}

}
