package io.github.workerstarter.codecserver;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Bearer tokens for the codec server's security filter chain, when the application has a {@code JwtDecoder} bean (for
 * example from spring.security.oauth2.resourceserver.jwt.issuer-uri): the Web UI's "pass the user access token" option
 * sends the signed-in user's token, which then authenticates the request as it does elsewhere in the application.
 */
final class CodecServerJwt {

	void apply(HttpSecurity http) {
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
	}

}
