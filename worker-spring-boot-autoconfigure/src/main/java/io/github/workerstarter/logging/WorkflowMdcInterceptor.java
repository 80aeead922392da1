package io.github.workerstarter.logging;

import java.util.function.Supplier;

import org.slf4j.MDC;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;

/**
 * Adds to the SLF4J MDC what the SDK leaves out, so structured logs carry it as a field.
 *
 * <p>What the SDK 1.38 sets by itself (keys as in its {@code LoggerTag}): on activity and local activity threads
 * {@code Namespace}, {@code TaskQueue}, {@code WorkflowId}, {@code RunId}, {@code WorkflowType},
 * {@code ActivityId}, {@code ActivityType} and {@code Attempt}; on workflow threads {@code Namespace},
 * {@code TaskQueue}, {@code WorkflowId}, {@code RunId} and {@code WorkflowType}, but no attempt. This interceptor
 * adds {@link #ATTEMPT} (the workflow run's attempt, 1 unless the workflow has a retry policy and is retried) on every
 * workflow thread: the workflow method, signal and update handlers, callbacks, and threads started with
 * {@code Workflow.newThread} or {@code Async}. Activities are left alone. Query handlers run on the worker's task
 * thread, outside any workflow thread, and get only the SDK's keys.
 *
 * <p>Replay safe: it only fills the MDC, from the workflow's start event, and never logs; whether a line is written
 * during replay stays the business of {@code Workflow.getLogger}. The SDK clears a workflow thread's MDC when the
 * thread ends.
 */
public class WorkflowMdcInterceptor extends WorkerInterceptorBase {

	/** MDC key of the attempt, the one the SDK uses for activities. */
	public static final String ATTEMPT = "Attempt";

	@Override
	public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
		return new Inbound(next);
	}

	private static Runnable withAttempt(Runnable runnable) {
		// runs inside the new workflow thread, after the SDK has put its own keys there
		return () -> {
			putAttempt();
			runnable.run();
		};
	}

	private static <T> T withAttempt(Supplier<T> call) {
		String previous = MDC.get(ATTEMPT);
		putAttempt();
		try {
			return call.get();
		}
		finally {
			if (previous != null) {
				MDC.put(ATTEMPT, previous);
			}
			else {
				MDC.remove(ATTEMPT);
			}
		}
	}

	private static void putAttempt() {
		MDC.put(ATTEMPT, Integer.toString(Workflow.getInfo().getAttempt()));
	}

	private static final class Inbound extends WorkflowInboundCallsInterceptorBase {

		Inbound(WorkflowInboundCallsInterceptor next) {
			super(next);
		}

		@Override
		public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
			super.init(new Outbound(outboundCalls));
		}

		@Override
		public Object newWorkflowMethodThread(Runnable runnable, String name) {
			return super.newWorkflowMethodThread(withAttempt(runnable), name);
		}

		@Override
		public Object newCallbackThread(Runnable runnable, String name) {
			return super.newCallbackThread(withAttempt(runnable), name);
		}

		// Signals and updates delivered with the first workflow task may get their thread before this interceptor
		// is in the chain, so the handlers are covered on their own as well.
		@Override
		public void handleSignal(SignalInput input) {
			withAttempt(() -> {
				super.handleSignal(input);
				return null;
			});
		}

		@Override
		public void validateUpdate(UpdateInput input) {
			withAttempt(() -> {
				super.validateUpdate(input);
				return null;
			});
		}

		@Override
		public UpdateOutput executeUpdate(UpdateInput input) {
			return withAttempt(() -> super.executeUpdate(input));
		}

	}

	private static final class Outbound extends WorkflowOutboundCallsInterceptorBase {

		Outbound(WorkflowOutboundCallsInterceptor next) {
			super(next);
		}

		@Override
		public Object newChildThread(Runnable runnable, boolean detached, String name) {
			return super.newChildThread(withAttempt(runnable), detached, name);
		}

	}

}
