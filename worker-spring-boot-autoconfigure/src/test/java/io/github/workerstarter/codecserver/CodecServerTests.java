package io.github.workerstarter.codecserver;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.workerstarter.TemporalTestSupport;
import io.github.workerstarter.encryption.AesGcmPayloadCodec;
import io.github.workerstarter.encryption.PayloadEncryptionKeyRing;
import io.github.workerstarter.encryption.TestKeys;
import io.github.workerstarter.fixtures.card.CardFixtures;
import io.github.workerstarter.fixtures.card.CardPayments;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec server without Spring Security on the class path (this module's tests run without it, except those
 * tagged spring-security): it refuses to start unless opened explicitly; opened, it speaks Temporal's codec server
 * protocol over real HTTP, with the X-Namespace header and CORS for the Web UI's origin.
 */
class CodecServerTests {

	static final String CARD = "Jane Doe 4111-1111-1111-1111";

	static final String UI = "http://localhost:8233";

	private static ConfigurableApplicationContext app;

	private static CodecServerClient http;

	@BeforeAll
	static void start() {
		app = new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "temporal.target=embedded", "temporal.namespace=payments",
					"temporal.workers.card-payments.identity=codec-test", "temporal.payloads.encryption.enabled=true",
					"temporal.payloads.encryption.keys.k1.secret=" + TestKeys.base64(TestKeys.key(21)),
					"temporal.payloads.codec-server.enabled=true",
					"temporal.payloads.codec-server.allow-unauthenticated=true",
					"temporal.payloads.codec-server.allowed-origins=" + UI)
			.run();
		http = new CodecServerClient(app);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void refusesToStartWithoutSpringSecurityUnlessOpenedExplicitly() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CodecServerAutoConfiguration.class))
			.withPropertyValues("temporal.payloads.codec-server.enabled=true")
			.run((context) -> {
				var failure = TemporalTestSupport.configurationFailure(context.getStartupFailure());
				assertThat(failure.getMessage()).isEqualTo("temporal.payloads.codec-server.enabled is true, but nothing "
						+ "secures the codec server at /temporal/codec/decode: Spring Security is not on the class path "
						+ "(or its web security is off), so anyone who reaches this application could decrypt its "
						+ "payloads.");
				assertThat(failure.getAction()).contains("spring-boot-starter-security", "role TEMPORAL_CODEC",
						"temporal.payloads.codec-server.allow-unauthenticated=true");
			});
	}

	@Test
	void offByDefault() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodecServerAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("temporalCodecServerRoutes"));
	}

	@Test
	void decodesAHistorysPayloadsBackToTheInput() throws Exception {
		CardPayments.pay(app, "card-payments", "codec-decode", CARD, "confirmed");
		List<Payload> stored = CardPayments.payloads(CardPayments.history(app, "codec-decode"));
		assertThat(stored).allSatisfy((payload) -> assertThat(payload.getData().toString(StandardCharsets.ISO_8859_1))
			.doesNotContain("Jane"));

		HttpResponse<String> response = http.post("/temporal/codec/decode", stored, "X-Namespace", "payments");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		List<Payload> decoded = CodecServerClient.payloads(response);
		assertThat(decoded).hasSize(stored.size());
		assertThat(value(decoded.get(0))).isEqualTo(CARD);
		assertThat(decoded).extracting(CodecServerTests::value).contains("charged " + CARD);
	}

	@Test
	void encodesWhatItDecodes() {
		Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(CARD).orElseThrow();

		List<Payload> encoded = CodecServerClient.payloads(http.post("/temporal/codec/encode", List.of(plain)));

		assertThat(encoded.get(0).getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
		assertThat(CodecServerClient.payloads(http.post("/temporal/codec/decode", encoded))).containsExactly(plain);
	}

	@Test
	void refusesANamespaceTheApplicationDoesNotServe() {
		HttpResponse<String> response = http.post("/temporal/codec/decode", List.of(), "X-Namespace", "billing");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("This codec server decodes payloads of the namespaces [payments] only; "
				+ "the request's namespace (X-Namespace or path) is 'billing'.");
		assertThat(http.post("/temporal/codec/billing/decode", List.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void takesTheNamespaceFromThePathForEndpointTemplating() {
		Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(CARD).orElseThrow();
		List<Payload> encoded = CodecServerClient.payloads(http.post("/temporal/codec/payments/encode", List.of(plain)));
		assertThat(CodecServerClient.payloads(http.post("/temporal/codec/payments/decode", encoded))).containsExactly(plain);
	}

	@Test
	void answersAPayloadItCannotDecryptWith400NamingTheKey() {
		Payload foreign = new AesGcmPayloadCodec(PayloadEncryptionKeyRing.of("k-other",
				Map.of("k-other", TestKeys.key(99))))
			.encode(List.of(DefaultDataConverter.STANDARD_INSTANCE.toPayload("x").orElseThrow()))
			.get(0);

		HttpResponse<String> response = http.post("/temporal/codec/decode", List.of(foreign));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Payload is encrypted with key id 'k-other', which is not in this "
				+ "application's key ring [k1]");
	}

	@Test
	void answersABodyThatIsNotPayloadsWith400() {
		HttpResponse<String> response = http.post("/temporal/codec/decode", "{\"payloads\": 42}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The body is not Temporal payloads in protobuf JSON");
	}

	@Test
	void letsTheWebUisOriginCallItFromABrowserAndNoOtherOrigin() {
		HttpResponse<String> allowed = http.preflight("/temporal/codec/decode", UI);
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("content-type", "x-namespace");

		assertThat(http.preflight("/temporal/codec/decode", "https://evil.example").statusCode()).isEqualTo(403);
		HttpResponse<String> post = http.post("/temporal/codec/encode", List.of(), "Origin", UI);
		assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
	}

	private static String value(Payload payload) {
		return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(CardFixtures.class)
	static class App {

	}

}
