package io.github.workerstarter.connection;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.github.workerstarter.fixtures.greeting.GreetingFixtures;
import io.github.workerstarter.testing.FrontendStandIn;

import static io.github.workerstarter.TemporalTestSupport.configurationFailure;
import static io.github.workerstarter.TemporalTestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key reaches the server as the SDK sends it (a bearer token in the authorization header, seen by a gRPC
 * server on loopback that records headers and answers the two calls startup makes), and never shows in logs or in
 * the bound properties' text.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyTests {

	private static final String KEY = "tmprl-test-key-5f1c2";

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private Server server;

	@BeforeEach
	void startServer() throws IOException {
		ServerInterceptor recordAuthorization = new ServerInterceptor() {
			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
					ServerCallHandler<Q, R> next) {
				String value = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
				if (value != null) {
					ApiKeyTests.this.authorizations.add(value);
				}
				return next.startCall(call, headers);
			}
		};
		this.server = NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
			.addService(ServerInterceptors.intercept(new FrontendStandIn(), recordAuthorization))
			.build()
			.start();
	}

	@AfterEach
	void stopServer() {
		this.server.shutdownNow();
	}

	@Test
	void apiKeyIsSentAsBearerTokenAndNeverPrinted(CapturedOutput output) {
		runner().withUserConfiguration(GreetingFixtures.class)
			.withPropertyValues("temporal.target=127.0.0.1:" + this.server.getPort(),
					"temporal.workers.greetings.identity=x", "temporal.connection.api-key=" + KEY,
					"temporal.connection.tls=false", "temporal.connection.allow-plaintext-api-key=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.authorizations).isNotEmpty().allMatch(("Bearer " + KEY)::equals);
				assertThat(context.getBean(TemporalProperties.class).toString()).doesNotContain(KEY)
					.contains("apiKey=******");
			});
		assertThat(output).doesNotContain(KEY);
	}

	@Test
	void apiKeyOverPlaintextIsRefused() {
		runner().withPropertyValues("temporal.target=127.0.0.1:" + this.server.getPort(),
				"temporal.connection.api-key=" + KEY, "temporal.connection.tls=false")
			.run((context) -> {
				WorkerConfigurationException failure = configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).contains("temporal.connection.api-key is set while temporal.connection.tls is false")
					.doesNotContain(KEY);
				assertThat(failure.getAction()).contains("temporal.connection.allow-plaintext-api-key=true");
			});
	}

	@Test
	void apiKeyTurnsTlsOnByDefault() {
		runner().withPropertyValues("temporal.target=my-ns.a1b2c.tmprl.cloud:7233", "temporal.connection.api-key=" + KEY)
			.run((context) -> assertThat(context.getBean(io.temporal.serviceclient.WorkflowServiceStubs.class)
				.getOptions()
				.getEnableHttps()).isTrue());
	}

	@Test
	void apiKeyWithTheEmbeddedServerIsRefused() {
		runner().withPropertyValues("temporal.target=embedded", "temporal.connection.api-key=" + KEY)
			.run((context) -> assertThat(configurationFailure(context.getStartupFailure()).getMessage())
				.contains("the in-process server takes no API key"));
	}

}
