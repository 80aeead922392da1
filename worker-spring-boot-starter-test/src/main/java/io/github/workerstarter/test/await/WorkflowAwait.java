package io.github.workerstarter.test.await;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.workerstarter.test.replay.WorkflowHistoryReplayer;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowStub;
import io.temporal.common.interceptors.WorkflowClientInterceptor;
import io.temporal.workflow.QueryMethod;

/**
 * Waits for what a test expects of a workflow (its result, a query's answer, a status) without sleeps, and fails
 * with a message that names what was awaited and where the workflow is instead. Injectable in any test of an
 * application with a {@code WorkflowClient}:
 *
 * <pre class="code">
 * OrderResult result = await.result(orderId, OrderResult.class);
 * await.query(orderId, OrderWorkflow.class, OrderWorkflow::currentStep, "PROCESSING_PAYMENT"::equals);
 * await.status(orderId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED);
 * await.within(Duration.ofMinutes(2)).result(orderId, OrderResult.class);
 * </pre>
 *
 * The timeout is wall time ({@code temporal.test.await-timeout}, 30 s by default). On the test environment, waiting
 * for a result skips time (timers, retry backoffs fire at once), as the environment's client does for any result call;
 * polling a query or a status does not, so a state in front of a timer can be seen: to move past a timer while
 * polling, {@code TestWorkflowEnvironment.sleep(...)} first. The result of a workflow that has already closed is read
 * without skipping time, so it does not move the test server's clock.
 */
public class WorkflowAwait {

	private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	// the SDK's (package-private) interceptor that lets the test server skip time while a result call waits
	private static final String TIME_LOCKING_INTERCEPTOR = "io.temporal.testing.TimeLockingInterceptor";

	private static final Set<WorkflowExecutionStatus> CLOSED = EnumSet.of(
			WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
			WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
			WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED,
			WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED,
			WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT);

	private final WorkflowClient client;

	private final Duration timeout;

	private @Nullable WorkflowClient withoutTimeSkipping;

	public WorkflowAwait(WorkflowClient client, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
	}

	/**
	 * The same helper with another timeout.
	 * @param timeout how long to wait (wall time)
	 * @return a helper that waits that long
	 */
	public WorkflowAwait within(Duration timeout) {
		return new WorkflowAwait(this.client, timeout);
	}

	/**
	 * Waits for a workflow's result. A failed workflow throws the SDK's {@code WorkflowFailedException}, so a test can
	 * assert on the failure.
	 * @param workflowId the workflow id
	 * @param resultType the result's class
	 * @param <R> the result type
	 * @return the result
	 * @throws AssertionError when the workflow does not complete within the timeout
	 */
	public <R> R result(String workflowId, Class<R> resultType) {
		return result(this.client.newUntypedWorkflowStub(workflowId), resultType);
	}

	/**
	 * Waits for the result of a started workflow.
	 * @param workflowStub a typed stub (the one passed to {@code WorkflowClient.start}) or a {@link WorkflowStub}
	 * @param resultType the result's class
	 * @param <R> the result type
	 * @return the result
	 * @throws AssertionError when the workflow does not complete within the timeout
	 */
	public <R> R result(Object workflowStub, Class<R> resultType) {
		WorkflowStub stub = (workflowStub instanceof WorkflowStub untyped) ? untyped : WorkflowStub.fromTyped(workflowStub);
		try {
			if (hasClosed(stub)) {
				// nothing to wait for: read it without letting the test server skip time (see withoutTimeSkipping)
				return withoutTimeSkipping().newUntypedWorkflowStub(stub.getExecution(), stub.getWorkflowType())
					.getResult(this.timeout.toMillis(), TimeUnit.MILLISECONDS, resultType);
			}
			// the test environment's client skips time while this call waits
			return stub.getResult(this.timeout.toMillis(), TimeUnit.MILLISECONDS, resultType);
		}
		catch (TimeoutException ex) {
			String workflowId = stub.getExecution().getWorkflowId();
			throw new AssertionError("Awaited the result of workflow '" + workflowId + "' for " + this.timeout
					+ " (wall time): " + situation(workflowId), ex);
		}
	}

	/**
	 * Asks a query until its answer matches.
	 * @param workflowId the workflow id
	 * @param workflowInterface the workflow's interface
	 * @param query the query, e.g. {@code OrderWorkflow::currentStep}
	 * @param until the condition the answer must meet
	 * @param <W> the workflow interface
	 * @param <T> the answer's type
	 * @return the first matching answer
	 * @throws AssertionError when no answer matches within the timeout, naming the query and the last answer
	 */
	public <W, T> T query(String workflowId, Class<W> workflowInterface, Function<W, T> query,
			Predicate<? super T> until) {
		W stub = this.client.newWorkflowStub(workflowInterface, workflowId);
		String what = "an answer of query '" + queryName(workflowInterface, query) + "' of workflow '" + workflowId
				+ "' that matches";
		return poll(what, workflowId, () -> query.apply(stub), until);
	}

	/**
	 * Waits until the workflow is in one of the statuses, e.g. completed or failed.
	 * @param workflowId the workflow id
	 * @param expected the statuses to wait for
	 * @return the status reached
	 * @throws AssertionError when the workflow is in none of them within the timeout
	 */
	public WorkflowExecutionStatus status(String workflowId, WorkflowExecutionStatus... expected) {
		List<WorkflowExecutionStatus> statuses = Arrays.asList(expected);
		String what = "workflow '" + workflowId + "' to be " + statuses.stream().map(WorkflowAwait::name).toList();
		return poll(what, workflowId, () -> this.client.newUntypedWorkflowStub(workflowId).describe().getStatus(),
				statuses::contains);
	}

	private <T> T poll(String what, String workflowId, Supplier<T> attempt, Predicate<? super T> until) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Object last = "none";
		while (true) {
			try {
				T answer = attempt.get();
				if (until.test(answer)) {
					return answer;
				}
				last = answer;
			}
			catch (RuntimeException ex) {
				last = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			}
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Awaited " + what + " for " + this.timeout + " (wall time); last answer: "
						+ last + ". " + situation(workflowId));
			}
			LockSupport.parkNanos(POLL_INTERVAL_NANOS);
		}
	}

	// closed for good: a continued-as-new run is followed by the next one, which may still wait on timers
	private static boolean hasClosed(WorkflowStub stub) {
		try {
			return CLOSED.contains(stub.describe().getStatus());
		}
		catch (RuntimeException ex) {
			// not started yet, or not found: the SDK's own wait says what is wrong
			return false;
		}
	}

	/**
	 * The client without the test environment's time-locking interceptor. While a result call of the environment's
	 * client waits, the test server skips to its next timer whenever nothing runs, and that may be a timer the SDK's
	 * test server never removes: the schedule-to-close timeout of every activity scheduled so far (the workflow's run
	 * timeout, 10 years, when none is set) and the run timeout of a workflow that failed or was terminated. Asking
	 * for the result of a workflow that has already closed would jump the clock to one of them.
	 */
	private synchronized WorkflowClient withoutTimeSkipping() {
		if (this.withoutTimeSkipping == null) {
			WorkflowClientOptions options = this.client.getOptions();
			WorkflowClientInterceptor[] interceptors = Arrays.stream(options.getInterceptors())
				.filter((interceptor) -> !TIME_LOCKING_INTERCEPTOR.equals(interceptor.getClass().getName()))
				.toArray(WorkflowClientInterceptor[]::new);
			this.withoutTimeSkipping = (interceptors.length == options.getInterceptors().length) ? this.client
					: WorkflowClient.newInstance(this.client.getWorkflowServiceStubs(),
							WorkflowClientOptions.newBuilder(options).setInterceptors(interceptors).build());
		}
		return this.withoutTimeSkipping;
	}

	// where the workflow is, for a timeout message
	private String situation(String workflowId) {
		try {
			WorkflowExecutionDescription description = this.client.newUntypedWorkflowStub(workflowId).describe();
			String lastEvent = WorkflowHistoryReplayer.describe(this.client.fetchHistory(workflowId).getLastEvent());
			return "It is " + name(description.getStatus()) + " (type " + description.getWorkflowType()
					+ ", task queue '" + description.getTaskQueue() + "'), last event " + lastEvent
					+ ". Is a worker polling the queue that event waits on? Allow longer with within(...).";
		}
		catch (RuntimeException ex) {
			return "Describing it failed: " + ex.getMessage();
		}
	}

	private static String name(WorkflowExecutionStatus status) {
		return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
	}

	// calls the query on a recording proxy to learn which query method it is
	@SuppressWarnings("unchecked")
	private static <W> String queryName(Class<W> workflowInterface, Function<W, ?> query) {
		AtomicReference<Method> called = new AtomicReference<>();
		W recorder = (W) Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] { workflowInterface },
				(proxy, method, args) -> {
					called.compareAndSet(null, method);
					return defaultValue(method.getReturnType());
				});
		try {
			query.apply(recorder);
		}
		catch (RuntimeException ex) {
			// the name is all we want
		}
		Method method = called.get();
		if (method == null) {
			return "?";
		}
		QueryMethod annotation = method.getAnnotation(QueryMethod.class);
		return (annotation != null && !annotation.name().isEmpty()) ? annotation.name() : method.getName();
	}

	private static @Nullable Object defaultValue(Class<?> type) {
		if (!type.isPrimitive() || type == void.class) {
			return null;
		}
		return (type == boolean.class) ? Boolean.FALSE : (type == char.class) ? Character.valueOf('\0')
				: (type == long.class) ? Long.valueOf(0) : (type == float.class) ? Float.valueOf(0)
						: (type == double.class) ? Double.valueOf(0) : (type == int.class) ? Integer.valueOf(0)
								: (type == short.class) ? Short.valueOf((short) 0) : Byte.valueOf((byte) 0);
	}

}
