package io.github.workerstarter.sample.order.api;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

import io.github.workerstarter.connection.ClientCallTimeout;
import io.github.workerstarter.sample.order.OrderSettings;
import io.github.workerstarter.sample.order.workflow.Order;
import io.github.workerstarter.sample.order.workflow.OrderResult;
import io.github.workerstarter.sample.order.workflow.OrderWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;

/**
 * Starts order workflows and reads their state back from Temporal. Every call is bounded
 * ({@code temporal.client.call-timeout} in application.yml): while Temporal is unreachable, they fail within seconds
 * with the starter's {@code TemporalUnavailableException} instead of holding the request.
 */
@Service
@Profile("!payment-worker")
public class OrderService {

	private final WorkflowClient client;

	private final String orderTaskQueue;

	private final Duration stepQueryTimeout;

	public OrderService(WorkflowClient client, @Value("${ORDER_TASK_QUEUE:order-task-queue}") String orderTaskQueue,
			OrderSettings settings) {
		this.client = client;
		this.orderTaskQueue = orderTaskQueue;
		this.stepQueryTimeout = settings.stepQueryTimeout();
	}

	/**
	 * Starts the order workflow and returns without waiting for it.
	 * @return the order id, which is the workflow id
	 */
	public String start(OrderRequest request) {
		String orderId = "order-" + UUID.randomUUID();
		OrderWorkflow workflow = this.client.newWorkflowStub(OrderWorkflow.class,
				WorkflowOptions.newBuilder().setWorkflowId(orderId).setTaskQueue(this.orderTaskQueue).build());
		WorkflowClient.start(workflow::processOrder,
				new Order(orderId, request.customerId(), request.item(), request.quantity(), request.amount()));
		return orderId;
	}

	/**
	 * The order's state as Temporal knows it.
	 * @return empty when no such workflow exists
	 */
	public Optional<OrderView> find(String orderId) {
		WorkflowStub stub = this.client.newUntypedWorkflowStub(orderId);
		WorkflowExecutionStatus status;
		try {
			status = stub.describe().getStatus();
		}
		catch (WorkflowNotFoundException ex) {
			return Optional.empty();
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.NOT_FOUND) {
				return Optional.empty();
			}
			throw ex;
		}
		return Optional.of(switch (status) {
			case WORKFLOW_EXECUTION_STATUS_RUNNING -> new OrderView(orderId, "RUNNING", currentStep(orderId), null,
					null);
			case WORKFLOW_EXECUTION_STATUS_COMPLETED -> completed(orderId, stub);
			case WORKFLOW_EXECUTION_STATUS_FAILED -> new OrderView(orderId, "FAILED", null, null, failure(stub));
			default -> new OrderView(orderId, status.name().replace("WORKFLOW_EXECUTION_STATUS_", ""), null, null, null);
		});
	}

	private String currentStep(String orderId) {
		OrderWorkflow order = this.client.newWorkflowStub(OrderWorkflow.class, orderId);
		try {
			// a query is answered by a worker: with the one caching the workflow gone, the server waits for another
			return ClientCallTimeout.within(this.stepQueryTimeout, order::currentStep);
		}
		catch (RuntimeException ex) {
			return null; // the status alone is still right
		}
	}

	private OrderView completed(String orderId, WorkflowStub stub) {
		OrderResult result = result(stub);
		return new OrderView(orderId, "COMPLETED", null, result.paymentId(), null);
	}

	private String failure(WorkflowStub stub) {
		try {
			result(stub);
			return null;
		}
		catch (WorkflowException ex) {
			Throwable cause = ex.getCause();
			return (cause instanceof ApplicationFailure failure) ? failure.getOriginalMessage()
					: String.valueOf(cause);
		}
	}

	private static OrderResult result(WorkflowStub stub) {
		try {
			return stub.getResult(5, TimeUnit.SECONDS, OrderResult.class);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("closed workflow did not return its result", ex);
		}
	}

}
