package io.github.workerstarter.codecserver;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.github.workerstarter.encryption.TestKeys;
import io.github.workerstarter.fixtures.card.CardFixtures;
import io.github.workerstarter.fixtures.card.CardPayments;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec server with Spring Security (run in the surefire execution that has it on the class path): only an
 * authenticated user with the role TEMPORAL_CODEC decodes, by HTTP Basic against the application's users or by a
 * bearer token such as the Web UI passes; Spring Boot's default security still guards the rest of the application.
 */
@Tag("spring-security")
class SecuredCodecServerTests {

	static final String CARD = "Jane Doe 4111-1111-1111-1111";

	static final String UI = "https://temporal-ui.example.com";

	private static final KeyPair TOKEN_KEYS = rsa();

	private static ConfigurableApplicationContext app;

	private static CodecServerClient http;

	private static List<Payload> stored;

	@BeforeAll
	static void start() throws Exception {
		app = new SpringApplicationBuilder(App.class)
			.properties("server.port=0", "temporal.target=embedded", "temporal.workers.card-payments.identity=secured",
					"temporal.payloads.encryption.enabled=true",
					"temporal.payloads.encryption.keys.k1.secret=" + TestKeys.base64(TestKeys.key(31)),
					"temporal.payloads.codec-server.enabled=true", "temporal.payloads.codec-server.allowed-origins=" + UI)
			.run();
		http = new CodecServerClient(app);
		CardPayments.pay(app, "card-payments", "secured-decode", CARD, "confirmed");
		stored = CardPayments.payloads(CardPayments.history(app, "secured-decode"));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void aUserWithTheRoleGetsTheHistorysPayloadsDecoded() {
		HttpResponse<String> response = http.post("/temporal/codec/decode", stored, "Authorization",
				basic("support", "support-pw"), "X-Namespace", "default");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(value(CodecServerClient.payloads(response).get(0))).isEqualTo(CARD);
		// stateless: nothing a browser would send back on its own
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void anUnauthenticatedRequestIsRefused() {
		for (String path : new String[] { "/temporal/codec/decode", "/temporal/codec/default/decode" }) {
			HttpResponse<String> response = http.post(path, stored);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.body()).as(path).doesNotContain("Jane");
		}
	}

	@Test
	void aUserWithoutTheRoleIsRefused() {
		assertThat(http.post("/temporal/codec/decode", stored, "Authorization", basic("intern", "intern-pw")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aBearerTokenWithTheRoleDecodesAndOneWithoutIsRefused() throws Exception {
		HttpResponse<String> withRole = http.post("/temporal/codec/decode", stored, "Authorization",
				"Bearer " + token("ui-user", List.of("TEMPORAL_CODEC")));
		assertThat(withRole.statusCode()).isEqualTo(200);
		assertThat(value(CodecServerClient.payloads(withRole).get(0))).isEqualTo(CARD);

		assertThat(http.post("/temporal/codec/decode", stored, "Authorization", "Bearer " + token("ui-user", List.of()))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theWebUisPreflightNeedsNoCredentials() {
		HttpResponse<String> preflight = http.preflight("/temporal/codec/decode", UI);
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
		assertThat(http.preflight("/temporal/codec/decode", "https://evil.example").statusCode()).isEqualTo(403);
	}

	@Test
	void springBootsDefaultSecurityStillGuardsTheRestOfTheApplication() {
		assertThat(http.get("/orders").statusCode()).isEqualTo(401);
		assertThat(http.get("/orders", "Authorization", basic("intern", "intern-pw")).statusCode()).isEqualTo(404);
	}

	private static String value(Payload payload) {
		return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String token(String subject, List<String> roles) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject(subject)
			.claim("roles", roles)
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build());
		jwt.sign(new RSASSASigner((RSAPrivateKey) TOKEN_KEYS.getPrivate()));
		return jwt.serialize();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(CardFixtures.class)
	static class App {

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("support").password("{noop}support-pw").roles("TEMPORAL_CODEC").build(),
					User.withUsername("intern").password("{noop}intern-pw").roles("USER").build());
		}

		// what spring.security.oauth2.resourceserver.jwt.* would give: tokens of the identity provider the UI uses
		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) TOKEN_KEYS.getPublic()).build();
		}

		@Bean
		JwtAuthenticationConverter jwtAuthenticationConverter() {
			JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
			roles.setAuthoritiesClaimName("roles");
			roles.setAuthorityPrefix("ROLE_");
			JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
			converter.setJwtGrantedAuthoritiesConverter(roles);
			return converter;
		}

	}

}
