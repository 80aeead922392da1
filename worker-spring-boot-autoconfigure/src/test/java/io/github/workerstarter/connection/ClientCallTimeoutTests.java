package io.github.workerstarter.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import io.github.workerstarter.fixtures.greeting.GreetingWorkflow;
import io.grpc.ConnectivityState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * temporal.client.call-timeout bounds the client's calls where the SDK would retry for a minute (a server that is
 * gone, a server that does not answer), and fails them at once while the connection is known to be down. The
 * client-only applications here do not contact the server at startup.
 */
class ClientCallTimeoutTests {

	/** What the SDK itself would spend on a start against an unreachable server: a minute of retries. */
	private static final Duration SDK_RETRY_BOUND = Duration.ofMinutes(1);

	@Test
	void offUnlessSet() {
		runner().withPropertyValues("temporal.target=embedded")
			.run((context) -> assertThat(context).doesNotHaveBean(ClientCallTimeoutInterceptor.class));
	}

	@Test
	void startAgainstAServerThatNeverAnswersFailsAfterTheTimeout() throws IOException {
		try (BlackHole server = new BlackHole()) {
			runner().withPropertyValues("temporal.target=127.0.0.1:" + server.port(), "temporal.client.call-timeout=1s")
				.run((context) -> {
					assertThat(context.getBeansOfType(WorkflowClientInterceptor.class)).hasSize(1);
					long started = System.nanoTime();
					Throwable failure = catchThrowable(() -> start(context, "never-answered"));
					Duration took = Duration.ofNanos(System.nanoTime() - started);

					TemporalUnavailableException unavailable = unavailable(failure);
					assertThat(unavailable.getMessage()).isEqualTo("Temporal server at 127.0.0.1:" + server.port()
							+ " unavailable for start: no answer within temporal.client.call-timeout (1000 ms): "
							+ "DEADLINE_EXCEEDED" + deadlineDetail(unavailable));
					assertThat(unavailable.operation()).isEqualTo("start");
					// the SDK's bound would be a minute of retries, each attempt up to the 10 s RPC timeout
					assertThat(took).isLessThan(SDK_RETRY_BOUND);
				});
		}
	}

	@Test
	void whileTheConnectionIsDownCallsFailAtOnce() {
		int closedPort = closedPort();
		runner().withPropertyValues("temporal.target=127.0.0.1:" + closedPort, "temporal.client.call-timeout=2s")
			.run((context) -> {
				// the first call finds out: connection refused, retried until the timeout
				assertThat(unavailable(catchThrowable(() -> start(context, "first"))).getMessage())
					.contains("UNAVAILABLE");
				await().atMost(Duration.ofSeconds(30))
					.until(() -> context.getBean(WorkflowServiceStubs.class).getRawChannel().getState(false),
							(state) -> state == ConnectivityState.TRANSIENT_FAILURE);

				// from now on the channel knows: no call is made
				assertThat(unavailable(catchThrowable(() -> start(context, "second"))).getMessage())
					.isEqualTo("Temporal server at 127.0.0.1:" + closedPort
							+ " unavailable for start: the connection is down (the last attempt to connect failed)");
				assertThat(catchThrowable(() -> context.getBean(WorkflowClient.class)
					.newUntypedWorkflowStub("second")
					.describe())).hasRootCauseInstanceOf(TemporalUnavailableException.class);
			});
	}

	@Test
	void aQueryNobodyAnswersEndsAfterTheTimeoutWithTheSdksException() {
		// a workflow on a queue that no worker polls: the server waits for a worker to answer the query
		runner().withPropertyValues("temporal.target=embedded", "temporal.client.call-timeout=1s").run((context) -> {
			WorkflowClient client = context.getBean(WorkflowClient.class);
			Stepped workflow = client.newWorkflowStub(Stepped.class,
					WorkflowOptions.newBuilder().setTaskQueue("nobody-polls").setWorkflowId("unanswered").build());
			WorkflowClient.start(workflow::run);

			Throwable failure = catchThrowable(() -> client.newWorkflowStub(Stepped.class, "unanswered").step());

			// the server is there: not a TemporalUnavailableException, but the SDK's own, with the deadline as cause
			assertThat(failure).isInstanceOf(WorkflowServiceException.class)
				.hasCauseInstanceOf(StatusRuntimeException.class);
			assertThat(Status.fromThrowable(failure).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
		});
	}

	@Test
	void withinBoundsOneCallWithoutTheProperty() {
		runner().withPropertyValues("temporal.target=embedded").run((context) -> {
			WorkflowClient client = context.getBean(WorkflowClient.class);
			Stepped workflow = client.newWorkflowStub(Stepped.class,
					WorkflowOptions.newBuilder().setTaskQueue("nobody-polls").setWorkflowId("bounded-once").build());
			WorkflowClient.start(workflow::run);

			Throwable failure = catchThrowable(() -> ClientCallTimeout.within(Duration.ofSeconds(1),
					() -> client.newWorkflowStub(Stepped.class, "bounded-once").step()));

			assertThat(Status.fromThrowable(failure).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
		});
	}

	private static void start(ApplicationContext context, String workflowId) {
		GreetingWorkflow workflow = context.getBean(WorkflowClient.class)
			.newWorkflowStub(GreetingWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue("greetings").setWorkflowId(workflowId).build());
		WorkflowClient.start(workflow::greet, "nobody");
	}

	private static TemporalUnavailableException unavailable(Throwable failure) {
		assertThat(failure).isInstanceOf(WorkflowServiceException.class);
		assertThat(failure.getCause()).isInstanceOf(TemporalUnavailableException.class);
		return (TemporalUnavailableException) failure.getCause();
	}

	private static String deadlineDetail(TemporalUnavailableException failure) {
		String description = Status.fromThrowable(failure.getCause()).getDescription();
		return (description != null) ? " (" + description + ")" : "";
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A workflow type that no worker here runs. */
	@WorkflowInterface
	public interface Stepped {

		@WorkflowMethod
		void run();

		@QueryMethod
		String step();

	}

	/** Accepts TCP connections and never answers, as a server behind a dropped network path looks. */
	static final class BlackHole implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final List<Socket> accepted = new ArrayList<>();

		private final Thread acceptor = new Thread(this::accept, "black-hole");

		BlackHole() throws IOException {
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void accept() {
			try {
				while (true) {
					Socket connection = this.socket.accept();
					synchronized (this.accepted) {
						this.accepted.add(connection);
					}
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			synchronized (this.accepted) {
				for (Socket connection : this.accepted) {
					connection.close();
				}
			}
		}

	}

}
