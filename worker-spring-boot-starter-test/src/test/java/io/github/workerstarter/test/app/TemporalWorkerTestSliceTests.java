package io.github.workerstarter.test.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import io.github.workerstarter.determinism.DeterminismCheckMode;
import io.github.workerstarter.determinism.WorkflowDeterminismGuard;
import io.github.workerstarter.test.slice.TemporalWorkerTest;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @TemporalWorkerTest} loads the workflows, the activities and what they inject (a component, the
 * {@code @Bean} it needs in turn, configuration properties), and leaves the web layer and unrelated services out.
 */
@TemporalWorkerTest
class TemporalWorkerTestSliceTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowClient client;

	@Test
	void loadsTheImplementationsAndWhatTheyInjectButNotTheWebLayer() {
		assertThat(beans(ShipmentWorkflowImpl.class, PackingActivitiesImpl.class, CarrierActivitiesImpl.class,
				LocalCarrierGateway.class, Depot.class, ShippingSettings.class, TestWorkflowEnvironment.class))
			.allMatch((count) -> count == 1);
		assertThat(beans(ShippingController.class, ShippingReports.class, DispatcherServlet.class)).containsOnly(0);
		assertThat(this.context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(this.context.getBean(TemporalWorkerRegistry.class).workers().get(0).activityTypes())
			.containsExactlyInAnyOrder("Pack", "Book");
	}

	@Test
	void theWorkflowRunsWithItsInjectedSettingsAndDependencies() {
		ShipmentWorkflow shipment = this.client.newWorkflowStub(ShipmentWorkflow.class,
				WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId("slice-parcel").build());
		assertThat(shipment.ship("p-9")).isEqualTo("TRK-p-9");
	}

	@Test
	void theDeterminismCheckFailsByDefaultAndFindsNothingInTheShipmentWorkflow() {
		WorkflowDeterminismGuard determinism = this.context.getBean(WorkflowDeterminismGuard.class);
		assertThat(determinism.mode()).isEqualTo(DeterminismCheckMode.FAIL);
		assertThat(determinism.report().orElseThrow().of(ShipmentWorkflowImpl.class).orElseThrow().findings()).isEmpty();
	}

	private java.util.List<Integer> beans(Class<?>... types) {
		return java.util.Arrays.stream(types).map((type) -> this.context.getBeanNamesForType(type).length).toList();
	}

}
