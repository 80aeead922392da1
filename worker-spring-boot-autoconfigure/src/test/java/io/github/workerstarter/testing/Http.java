package io.github.workerstarter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP GETs (and JSON POSTs) against a running application. Every request carries a timeout: a health endpoint that hangs
 * fails the test instead of stalling it.
 */
public final class Http {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String base;

	public Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** The web server of a running application started with {@code server.port=0}. */
	public static Http of(ConfigurableApplicationContext app) {
		return new Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	/** A response: status code and body parsed as JSON. */
	public record Response(int status, JsonNode body) {

		public String status(String path) {
			JsonNode node = this.body;
			for (String part : path.split("\\.")) {
				node = (node != null) ? node.get(part) : null;
			}
			return (node != null) ? node.asString() : null;
		}

	}

	public Response get(String path, Duration timeout) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).timeout(timeout).GET().build());
	}

	/** A GET answered with text, e.g. {@code /actuator/prometheus}. */
	public String getText(String path, Duration timeout) {
		try {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).timeout(timeout).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A POST of a JSON body, answered with JSON. */
	public Response post(String path, String jsonBody, Duration timeout) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody))
			.build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(),
					response.body().isEmpty() ? json.nullNode() : json.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
