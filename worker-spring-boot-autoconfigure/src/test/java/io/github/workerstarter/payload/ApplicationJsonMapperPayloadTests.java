package io.github.workerstarter.payload;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.github.workerstarter.fixtures.shipment.Shipment;
import io.github.workerstarter.fixtures.shipment.ShipmentFixtures;
import io.github.workerstarter.fixtures.shipment.ShipmentWorkflow;
import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.ZlibPayloadCodec;
import tools.jackson.databind.json.JsonMapper;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.storedInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads serialize with the application's Jackson 3 mapper (the one its REST layer uses, spring.jackson.* included),
 * so a workflow sees the same JSON as the application's API; a DataConverter bean still wins.
 */
class ApplicationJsonMapperPayloadTests {

	private static final Shipment SHIPMENT = new Shipment("s-1", Instant.parse("2026-11-25T10:15:30.123456789Z"),
			LocalDate.of(2026, 12, 1), new BigDecimal("12.50"));

	/** The application's mapper is set apart from the SDK's default by its naming strategy. */
	private final ApplicationContextRunner runner = embeddedGreetingsRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, TemporalPayloadAutoConfiguration.class))
		.withUserConfiguration(ShipmentFixtures.class)
		.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE");

	@Test
	void payloadsAreTheApplicationsJsonAndJavaTimeRoundTrips() {
		this.runner.run((context) -> {
			Shipment rescheduled = reschedule(context, "shipment-app-json", SHIPMENT);
			// through client, workflow, activity and back: every java.time value and the decimal's scale intact
			assertThat(rescheduled).isEqualTo(new Shipment("s-1", SHIPMENT.shippedAt(), LocalDate.of(2026, 12, 2),
					new BigDecimal("12.50")));
			String stored = storedInput(context, "shipment-app-json").getData().toStringUtf8();
			assertThat(stored).isEqualTo(context.getBean(JsonMapper.class).writeValueAsString(SHIPMENT))
				.contains("\"shipped_at\":\"2026-11-25T10:15:30.123456789Z\"", "\"delivery_day\":\"2026-12-01\"");
		});
	}

	@Test
	void switchedOffTheSdksOwnMapperStays() {
		this.runner.withPropertyValues("temporal.payloads.application-json-mapper=false").run((context) -> {
			assertThat(context).doesNotHaveBean(DataConverter.class);
			assertThat(reschedule(context, "shipment-sdk-json", SHIPMENT).deliveryDay()).isEqualTo("2026-12-02");
			assertThat(storedInput(context, "shipment-sdk-json").getData().toStringUtf8()).contains("\"shippedAt\"")
				.doesNotContain("shipped_at");
		});
	}

	@Test
	void withoutAJsonMapperBeanTheSdkDefaultStays() {
		embeddedGreetingsRunner().withConfiguration(AutoConfigurations.of(TemporalPayloadAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DataConverter.class));
	}

	@Test
	void applicationDataConverterWins() {
		DataConverter mine = DefaultDataConverter.newDefaultInstance();
		this.runner.withBean(DataConverter.class, () -> mine)
			// inside the size check every converter gets
			.run((context) -> assertThat(((PayloadSizeLimitingDataConverter) context.getBean(WorkflowClient.class)
				.getOptions()
				.getDataConverter()).delegate()).isSameAs(mine));
	}

	@Test
	void codecBeansWrapTheApplicationsJson() {
		Shipment large = new Shipment("s-".repeat(400), SHIPMENT.shippedAt(), SHIPMENT.deliveryDay(),
				SHIPMENT.weightKg());
		this.runner.withBean(PayloadCodec.class, ZlibPayloadCodec::new).run((context) -> {
			assertThat(reschedule(context, "shipment-codec", large).shipmentId()).isEqualTo(large.shipmentId());
			Payload stored = storedInput(context, "shipment-codec");
			assertThat(stored.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("binary/zlib");
		});
	}

	private static Shipment reschedule(ApplicationContext context, String workflowId, Shipment shipment) {
		ShipmentWorkflow workflow = context.getBean(WorkflowClient.class)
			.newWorkflowStub(ShipmentWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue("greetings").setWorkflowId(workflowId).build());
		return workflow.reschedule(shipment);
	}

}
