package io.github.workerstarter.connection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.temporal.serviceclient.ServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** temporal.connection.keep-alive.* reaches the built stubs' options; unset values keep the SDK's defaults. */
class KeepAliveTests {

	@Test
	void unsetKeepAliveKeepsTheSdkDefaults() {
		ServiceStubsOptions sdk = WorkflowServiceStubsOptions.newBuilder().build();
		runner().withPropertyValues("temporal.target=127.0.0.1:7233").run((context) -> {
			ServiceStubsOptions options = context.getBean(WorkflowServiceStubs.class).getOptions();
			assertThat(options.getEnableKeepAlive()).isEqualTo(sdk.getEnableKeepAlive()).isTrue();
			assertThat(options.getKeepAliveTime()).isEqualTo(sdk.getKeepAliveTime()).isEqualTo(Duration.ofSeconds(30));
			assertThat(options.getKeepAliveTimeout()).isEqualTo(sdk.getKeepAliveTimeout())
				.isEqualTo(Duration.ofSeconds(15));
			assertThat(options.getKeepAlivePermitWithoutStream()).isEqualTo(sdk.getKeepAlivePermitWithoutStream())
				.isTrue();
		});
	}

	@Test
	void keepAlivePropertiesReachTheStubs() {
		runner().withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.keep-alive.time=45s",
				"temporal.connection.keep-alive.timeout=5s", "temporal.connection.keep-alive.permit-without-stream=false")
			.run((context) -> {
				ServiceStubsOptions options = context.getBean(WorkflowServiceStubs.class).getOptions();
				assertThat(options.getEnableKeepAlive()).isTrue();
				assertThat(options.getKeepAliveTime()).isEqualTo(Duration.ofSeconds(45));
				assertThat(options.getKeepAliveTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(options.getKeepAlivePermitWithoutStream()).isFalse();
			});
		runner().withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.keep-alive.enabled=false")
			.run((context) -> assertThat(
					context.getBean(WorkflowServiceStubs.class).getOptions().getEnableKeepAlive()).isFalse());
	}

	@Test
	void zeroOrNegativeKeepAliveDurationsAreRefused() {
		runner().withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.keep-alive.time=0s")
			.run((context) -> {
				var failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).isEqualTo("Property temporal.connection.keep-alive.time is PT0S; it must be positive.");
				assertThat(failure.getAction()).contains("positive duration");
			});
		runner().withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.keep-alive.timeout=-1s")
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.isEqualTo("Property temporal.connection.keep-alive.timeout is PT-1S; it must be positive."));
	}

	@Test
	void serverNameIsComposedWithAChannelInitializerOfACustomizer() {
		List<String> seen = new CopyOnWriteArrayList<>();
		runner().withPropertyValues("temporal.target=127.0.0.1:7233", "temporal.connection.server-name=temporal.test")
			.withBean(WorkflowServiceStubsOptionsCustomizer.class,
					() -> (builder) -> builder.setChannelInitializer((channel) -> seen.add("customizer")))
			.run((context) -> {
				WorkflowServiceStubs stubs = context.getBean(WorkflowServiceStubs.class);
				// the SDK builds the channel with the stubs: both initializers ran, ours set the authority
				assertThat(seen).containsExactly("customizer");
				assertThat(stubs.getRawChannel().authority()).isEqualTo("temporal.test");
			});
		runner().withPropertyValues("temporal.target=127.0.0.1:7233")
			.run((context) -> assertThat(context.getBean(WorkflowServiceStubs.class).getRawChannel().authority())
				.isEqualTo("127.0.0.1:7233"));
	}

}
