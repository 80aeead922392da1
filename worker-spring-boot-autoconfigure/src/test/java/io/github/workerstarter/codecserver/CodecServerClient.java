package io.github.workerstarter.codecserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import org.springframework.context.ConfigurableApplicationContext;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;

/**
 * Real HTTP calls to a codec server as the Web UI and the CLI make them: a JSON POST of payloads with the
 * {@code X-Namespace} header, and CORS preflights, with whatever other headers a test adds.
 */
final class CodecServerClient {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String base;

	CodecServerClient(ConfigurableApplicationContext app) {
		this.base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port");
	}

	HttpResponse<String> post(String path, List<Payload> payloads, String... headers) {
		try {
			return post(path, JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(payloads).build()), headers);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> post(String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(headers.length > 0 ? request.headers(headers) : request);
	}

	HttpResponse<String> preflight(String path, String origin) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type,x-namespace")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(10));
		return send(headers.length > 0 ? request.headers(headers) : request);
	}

	static List<Payload> payloads(HttpResponse<String> response) {
		try {
			Payloads.Builder payloads = Payloads.newBuilder();
			JsonFormat.parser().merge(response.body(), payloads);
			return payloads.getPayloadsList();
		}
		catch (InvalidProtocolBufferException ex) {
			throw new AssertionError("Not payloads: " + response.body(), ex);
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
