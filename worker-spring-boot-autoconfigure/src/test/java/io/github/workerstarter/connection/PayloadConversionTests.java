package io.github.workerstarter.connection;

import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.ZlibPayloadCodec;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.payload.PayloadSizeLimitingDataConverter;

import static io.github.workerstarter.TemporalTestSupport.embeddedGreetingsRunner;
import static io.github.workerstarter.TemporalTestSupport.storedInput;
import static org.assertj.core.api.Assertions.assertThat;

/** A payload codec bean transforms what the server stores; a DataConverter bean replaces the SDK's default. */
class PayloadConversionTests {

	@Test
	void codecBeanEncodesPayloadsOnClientAndWorkers() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean(PayloadCodec.class, () -> new ZlibPayloadCodec())
			.run((context) -> {
				Payload stored = greetAndReadInput(context, "Zed".repeat(500));
				// the server holds the compressed form (zlib leaves payloads it cannot shrink as they are); the workflow and the client still read plain values
				assertThat(stored.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("binary/zlib");
			});
	}

	@Test
	void withoutCodecPayloadsArePlainJson() {
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class).run((context) -> {
			Payload stored = greetAndReadInput(context, "Zed");
			assertThat(stored.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("json/plain");
			assertThat(stored.getData().toStringUtf8()).isEqualTo("\"Zed\"");
		});
	}

	@Test
	void dataConverterBeanIsUsed() {
		DataConverter mine = DefaultDataConverter.newDefaultInstance()
			.withPayloadConverterOverrides(new JacksonJsonPayloadConverter());
		embeddedGreetingsRunner().withUserConfiguration(GreetingFixtures.class)
			.withBean(DataConverter.class, () -> mine)
			// inside the size check every converter gets
			.run((context) -> assertThat(((PayloadSizeLimitingDataConverter) context.getBean(WorkflowClient.class)
				.getOptions()
				.getDataConverter()).delegate()).isSameAs(mine));
	}

	private static Payload greetAndReadInput(ApplicationContext context, String name) {
		WorkflowClient client = context.getBean(WorkflowClient.class);
		WorkflowStub stub = client.newUntypedWorkflowStub("Greet",
				WorkflowOptions.newBuilder().setTaskQueue("greetings").build());
		String id = stub.start(name).getWorkflowId();
		assertThat(stub.getResult(String.class)).isEqualTo("Hello, " + name + "!");
		return storedInput(context, id);
	}

}
