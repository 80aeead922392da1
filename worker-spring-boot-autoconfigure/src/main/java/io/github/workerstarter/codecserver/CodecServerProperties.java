package io.github.workerstarter.codecserver;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The codec server: Temporal's Web UI and CLI send it payloads to decode (and encode), bound from
 * {@code temporal.payloads.codec-server.*}.
 *
 * @param enabled Whether the application answers POST (path)/decode and (path)/encode in Temporal's codec server
 * protocol, with its payload codecs (the encryption's among them). Needs Spring MVC; with Spring Security it requires
 * an authenticated user with the role, and without Spring Security startup fails unless allow-unauthenticated is set.
 * @param path Path the codec server answers under; the Web UI's codec endpoint is this application's URL plus this
 * path.
 * @param allowedOrigins Origins of the Temporal Web UI that may call the codec server from a browser (CORS), e.g.
 * http://localhost:8233 for a local UI or https://cloud.temporal.io. Empty: no cross-origin calls (the CLI's
 * --codec-endpoint needs none).
 * @param role Role a user needs to use the codec server when Spring Security is present (the authority
 * ROLE_(role)). Decoding shows what encryption hides: grant it to the people allowed to read payloads.
 * @param allowUnauthenticated Whether the codec server answers requests without an authenticated user: without
 * Spring Security it refuses to start unless this is true; with Spring Security, true lets any request through.
 * Anyone who reaches the port can then decrypt payloads: keep it for local runs and networks that only trusted people
 * reach.
 */
@ConfigurationProperties("temporal.payloads.codec-server")
public record CodecServerProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("/temporal/codec") String path, @Nullable List<String> allowedOrigins,
		@DefaultValue("TEMPORAL_CODEC") String role, @DefaultValue("false") boolean allowUnauthenticated) {

	public CodecServerProperties {
		allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		path = normalized(path);
		// Spring Security's hasRole adds the prefix itself
		role = role.strip().startsWith("ROLE_") ? role.strip().substring("ROLE_".length()) : role.strip();
	}

	// "/temporal/codec/" and "temporal/codec" are "/temporal/codec"; "/" is the root, ""
	private static String normalized(String path) {
		String trimmed = path.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return (trimmed.isEmpty() || trimmed.startsWith("/")) ? trimmed : "/" + trimmed;
	}

}
