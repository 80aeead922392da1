package io.github.workerstarter.sample.order;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.github.workerstarter.sample.order.activities.PaymentGateway;
import io.github.workerstarter.sample.order.activities.PaymentGateway.PaymentGatewayException;
import io.github.workerstarter.sample.order.workflow.Order;
import io.github.workerstarter.sample.order.workflow.OrderWorkflow;
import io.github.workerstarter.test.slice.TemporalWorkerTest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The corpus {@link OrderHistoryReplayTests} replays: one history per path of the order (completed, payment retried,
 * validation failed), in the Temporal CLI's JSON format. {@code -DrecordHistories=true} records them again from the
 * current code; otherwise this checks that the committed corpus still covers the three paths.
 */
@TemporalWorkerTest
class OrderHistoryCorpusTests {

	private static final Path CORPUS = Path.of("src/test/resources/histories");

	@Autowired
	WorkflowClient client;

	@MockitoBean
	PaymentGateway gateway;

	@Test
	void theCorpusCoversEveryPathOfTheOrder() throws Exception {
		if (Boolean.getBoolean("recordHistories")) {
			record();
		}
		Map<String, EventType> lastEvents = Map.of("order-completed.json",
				EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, "order-payment-retried.json",
				EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, "order-validation-failed.json",
				EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
		lastEvents.forEach((file, lastEvent) -> {
			WorkflowExecutionHistory history = read(file);
			assertThat(history.getLastEvent().getEventType()).as(file).isEqualTo(lastEvent);
		});
		assertThat(new OrderHistory(read("order-payment-retried.json").getEvents()).attempt("ProcessPayment"))
			.isEqualTo(2);
	}

	private void record() throws Exception {
		given(this.gateway.charge(any(), any(), any())).willReturn("pay-1");
		export("order-completed", "10");
		given(this.gateway.charge(any(), any(), any())).willThrow(new PaymentGatewayException("gateway timeout"))
			.willReturn("pay-2");
		export("order-payment-retried", "20");
		export("order-validation-failed", "-5");
	}

	private void export(String orderId, String amount) throws Exception {
		OrderWorkflow order = this.client.newWorkflowStub(OrderWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue("order-task-queue").setWorkflowId(orderId).build());
		WorkflowClient.start(order::processOrder, new Order(orderId, "corpus", "book", 1, new BigDecimal(amount)));
		try {
			this.client.newUntypedWorkflowStub(orderId).getResult(String.class);
		}
		catch (RuntimeException ex) {
			// the failed order is one of the paths
		}
		Files.writeString(CORPUS.resolve(orderId + ".json"),
				JsonFormat.printer().print(this.client.fetchHistory(orderId).getHistory()));
	}

	private static WorkflowExecutionHistory read(String file) {
		try {
			return WorkflowExecutionHistory.fromJson(Files.readString(CORPUS.resolve(file)));
		}
		catch (java.io.IOException ex) {
			throw new AssertionError("Missing history " + file + ": record with -DrecordHistories=true", ex);
		}
	}

}
