package io.github.workerstarter.sample.order;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.github.workerstarter.sample.order.activities.OrderStatusActivitiesImpl;
import io.github.workerstarter.sample.order.activities.PaymentActivities;
import io.github.workerstarter.sample.order.activities.PaymentGateway;
import io.github.workerstarter.sample.order.activities.PaymentGateway.PaymentGatewayException;
import io.github.workerstarter.sample.order.workflow.Order;
import io.github.workerstarter.sample.order.workflow.OrderResult;
import io.github.workerstarter.sample.order.workflow.OrderWorkflow;
import io.github.workerstarter.test.await.WorkflowAwait;
import io.github.workerstarter.test.slice.TemporalWorkerTest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The order workflow with its real activities on the test environment: retry backoffs and the day-long dispatch
 * timer are skipped, the payment provider is a mock. No web layer, no server to install.
 */
@TemporalWorkerTest(properties = "orders.dispatch-delay=1d")
class OrderWorkflowTests {

	@Autowired
	WorkflowClient client;

	@Autowired
	WorkflowAwait await;

	@Autowired
	OrderStatusActivitiesImpl statuses;

	@MockitoBean
	PaymentGateway gateway;

	@Test
	void paymentFailsTwiceThenSucceeds() {
		given(this.gateway.charge(any(), any(), any())).willThrow(new PaymentGatewayException("gateway timeout"))
			.willThrow(new PaymentGatewayException("gateway timeout"))
			.willReturn("pay-1");

		OrderResult result = order("order-retried").processOrder(new Order("order-retried", "ada", "book", 1,
				new BigDecimal("42.50")));

		assertThat(result.paymentId()).isEqualTo("pay-1");
		verify(this.gateway, times(3)).charge(eq("order-retried"), eq("ada"), any());
		// the retry policy's backoff (1 s, then 2 s; application.yml) passed in workflow time only
		assertThat(history("order-retried").attempt("ProcessPayment")).isEqualTo(3);
	}

	@Test
	void paymentValidationFailureFailsTheOrderWithoutRetry() {
		WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class,
				() -> order("order-invalid").processOrder(new Order("order-invalid", "bob", "book", 1,
						new BigDecimal("-5"))));

		assertThat(((ApplicationFailure) failed.getCause()).getOriginalMessage())
			.isEqualTo("Payment failed: amount must be positive, was -5");
		assertThat(history("order-invalid").attempt("ProcessPayment")).isEqualTo(1);
		verifyNoInteractions(this.gateway);
		assertThat(this.statuses.recordedStatus("order-invalid")).hasValue("PAYMENT_FAILED");
	}

	@Test
	void paidOrderWaitsADayForDispatch() {
		given(this.gateway.charge(any(), any(), any())).willReturn("pay-2");
		OrderWorkflow order = order("order-dispatch");
		WorkflowClient.start(order::processOrder, new Order("order-dispatch", "cy", "book", 2, BigDecimal.TEN));

		// polling a query does not move time: the order is seen at its timer
		this.await.query("order-dispatch", OrderWorkflow.class, OrderWorkflow::currentStep, "AWAITING_DISPATCH"::equals);
		// waiting for the result skips the day
		assertThat(this.await.result(order, OrderResult.class).paymentId()).isEqualTo("pay-2");
		assertThat(history("order-dispatch").duration()).isGreaterThanOrEqualTo(Duration.ofDays(1));
		assertThat(this.statuses.recordedStatus("order-dispatch")).hasValue("COMPLETED");
	}

	@Nested
	class PaymentActivityMockedByItsInterface {

		@MockitoBean
		PaymentActivities payments;

		@Test
		void theWorkflowCallsTheMock() {
			given(this.payments.processPayment(eq("order-mocked"), eq("dee"), any())).willReturn("pay-mocked");

			OrderResult result = order("order-mocked").processOrder(new Order("order-mocked", "dee", "book", 1,
					BigDecimal.ONE));

			assertThat(result.paymentId()).isEqualTo("pay-mocked");
			verify(this.payments).processPayment(eq("order-mocked"), eq("dee"), any());
		}

	}

	private OrderWorkflow order(String orderId) {
		return this.client.newWorkflowStub(OrderWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue("order-task-queue").setWorkflowId(orderId).build());
	}

	private OrderHistory history(String orderId) {
		return new OrderHistory(this.client.fetchHistory(orderId).getEvents());
	}

}
