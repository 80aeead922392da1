package io.github.workerstarter.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.client.WorkflowNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Bad input at the REST edge of the packaged sample: each case answered with a precise 4xx naming the field (never a
 * Java type), the instance still serving afterwards. The instance runs with lowered payload limits
 * (temporal.payloads.max-size=256B, warn-size=200B) so that an order within the field limits can still be too large
 * for Temporal, and with an API key on its command line, which /actuator/env must not show.
 */
class BadInputIT {

	private static final String API_KEY = "tcld-key-given-on-the-command-line";

	private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|jakarta|tools|io|org|com)\\.[a-z]+\\.|Exception|\\bat [a-z]+\\.");

	private static final Pattern WORKFLOW_ID = Pattern.compile("workflow '(order-[0-9a-f-]+)'");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** A request and what it must be answered with. */
	private record Case(String name, String method, String path, String contentType, String body, boolean chunked,
			int expectedStatus, String expectedText) {

		static Case post(String name, String body, int status, String text) {
			return new Case(name, "POST", "/orders", "application/json", body, false, status, text);
		}

		Case sentChunked() {
			return new Case(this.name, this.method, this.path, this.contentType, this.body, true, this.expectedStatus,
					this.expectedText);
		}

	}

	@Test
	void everyBadRequestGetsAPreciseAnswerAndTheInstanceKeepsServing() throws Exception {
		String scenario = "bad-input";
		Figures figures = new Figures(scenario, "Bad input at the REST edge (packaged sample)");
		try (TestServerProcess server = TestServerProcess.start();
				ServerClient client = ServerClient.connect(server.target());
				SampleApp app = SampleApp.of("a", scenario, server.target(), Reliability.STICKY_ON,
						"--orders.payment-failure-rate=0", "--temporal.payloads.max-size=256B",
						"--temporal.payloads.warn-size=200B", "--temporal.connection.api-key=" + API_KEY,
						"--temporal.connection.tls=false", "--temporal.connection.allow-plaintext-api-key=true",
						"--management.endpoints.web.exposure.include=health,env",
						"--management.endpoint.env.show-values=always")) {
			app.start().awaitReady();
			Reliability.warmUp(List.of(app), client);
			String huge = "x".repeat(5 * 1024 * 1024);
			List<Case> cases = List.of(
					Case.post("valid order", order("c-1", "book", "1", "12.50"), 202, "RUNNING"),
					Case.post("quantity 1.5", order("c-1", "book", "1.5", "12.50"), 400, "\"quantity\":\"must be a whole number\""),
					Case.post("quantity \"x\"", order("c-1", "book", "\"x\"", "12.50"), 400, "\"quantity\":\"must be a whole number\""),
					Case.post("quantity 10^12", order("c-1", "book", "1000000000000", "12.50"), 400, "\"quantity\":\"is out of range for a whole number\""),
					Case.post("quantity 0", order("c-1", "book", "0", "12.50"), 400, "\"quantity\":\"must be greater than 0\""),
					Case.post("amount \"abc\"", order("c-1", "book", "1", "\"abc\""), 400, "\"amount\":\"must be a number\""),
					Case.post("amount 1.005", order("c-1", "book", "1", "1.005"), 400, "\"amount\":\"numeric value out of bounds"),
					Case.post("missing fields", "{}", 400, "Invalid order: "),
					Case.post("malformed JSON", "{\"customerId\":", 400, "malformed JSON at line 1"),
					Case.post("a JSON array", "[1,2]", 400, "the body must be a JSON object"),
					Case.post("empty body", "", 400, "Request body is not a valid order"),
					new Case("text/plain body", "POST", "/orders", "text/plain", "an order", false, 415, "Content-Type 'text/plain"),
					Case.post("NUL in customerId", order("c\\u0000-1", "book", "1", "12.50"), 400, "\"customerId\":\"must not contain control or invisible formatting characters\""),
					Case.post("right-to-left override in item", order("c-1", "bo\\u202eok", "1", "12.50"), 400, "\"item\":\"must not contain control"),
					Case.post("unicode text (Bücher 📚)", order("c-ü", "Bücher 📚", "2", "30"), 202, "RUNNING"),
					Case.post("item of 201 characters", order("c-1", "x".repeat(201), "1", "12.50"), 400, "\"item\":\"size must be between 0 and 200\""),
					Case.post("5 MB field, Content-Length", order("c-1", huge, "1", "12.50"), 413, "over the limit of 65,536 bytes"),
					Case.post("5 MB field, chunked", order("c-1", huge, "1", "12.50"), 413, "over the limit of 65,536 bytes").sentChunked(),
					Case.post("order over temporal.payloads.max-size (256 B)", order("c-" + "1".repeat(60), "y".repeat(200), "1", "12.50"), 413, "exceeds temporal.payloads.max-size (256 bytes)"),
					Case.post("order over temporal.payloads.warn-size (200 B)", order("c-1", "z".repeat(60), "1", "12.50"), 202, "RUNNING"),
					Case.post("negative amount (a business rule of the workflow)", order("c-1", "book", "1", "-5"), 202, "RUNNING"),
					new Case("unknown order id", "GET", "/orders/order-unknown", null, null, false, 404, "No order with id order-unknown"));

			List<String> orderIds = new ArrayList<>();
			for (Case each : cases) {
				long started = System.nanoTime();
				HttpResponse<String> response = send(app, each);
				long took = (System.nanoTime() - started) / 1_000_000;
				String answer = response.body();
				figures.add(each.name(), response.statusCode() + " in " + took + " ms: `" + shorten(answer) + "`");
				assertThat(response.statusCode()).as(each.name() + ": " + answer).isEqualTo(each.expectedStatus());
				assertThat(answer).as(each.name()).contains(each.expectedText());
				assertThat(JAVA_NAME.matcher(answer).find()).as(each.name() + " answer names Java types: " + answer).isFalse();
				Matcher accepted = Pattern.compile("\"orderId\":\"([^\"]+)\"").matcher(answer);
				if (response.statusCode() == 202 && accepted.find()) {
					orderIds.add(accepted.group(1));
				}
				if (each.name().startsWith("order over temporal.payloads.max-size")) {
					Matcher refused = WORKFLOW_ID.matcher(answer);
					assertThat(refused.find()).isTrue();
					// refused before anything was sent: the server has no such workflow
					assertThat(catchThrowable(() -> client.client().newUntypedWorkflowStub(refused.group(1)).describe()))
						.isInstanceOf(WorkflowNotFoundException.class);
				}
			}

			// the instance still serves: every accepted order ends, the negative amount as a failed payment
			for (String orderId : orderIds) {
				await().atMost(Duration.ofMinutes(1))
					.until(() -> send(app, new Case("", "GET", "/orders/" + orderId, null, null, false, 200, "")).body(),
							(body) -> !body.contains("\"RUNNING\""));
			}
			String negative = send(app, new Case("", "GET", "/orders/" + orderIds.get(orderIds.size() - 1), null, null,
					false, 200, "")).body();
			assertThat(negative).contains("\"status\":\"FAILED\"", "amount must be positive, was -5");
			figures.add("accepted orders afterwards", orderIds.size() + " of " + orderIds.size()
					+ " ended (the negative amount FAILED: \"Payment failed: amount must be positive, was -5\")");
			assertThat(AppLogs.of(List.of(app)).count("is over temporal.payloads.warn-size (200 bytes)"))
				.as("WARN for the order over the warn size")
				.isPositive();

			// the API key given on the command line: masked inside sun.java.command too
			String command = send(app, new Case("", "GET", "/actuator/env/sun.java.command", null, null, false, 200, "")).body();
			assertThat(command).doesNotContain(API_KEY).contains("--temporal.connection.api-key=******");
			figures.add("/actuator/env/sun.java.command with the API key on the command line (show-values: always)",
					"`…" + shorten(command.substring(command.indexOf("--temporal.connection.api-key"))) + "`");
		}
		finally {
			figures.write();
		}
	}

	private HttpResponse<String> send(SampleApp app, Case each) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + each.path()))
			.timeout(Duration.ofSeconds(30));
		if (each.method().equals("GET")) {
			return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		byte[] body = each.body().getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher publisher = each.chunked()
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: HttpRequest.BodyPublishers.ofByteArray(body);
		return this.http.send(request.header("Content-Type", each.contentType()).POST(publisher).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String order(String customerId, String item, String quantity, String amount) {
		return "{\"customerId\":\"" + customerId + "\",\"item\":\"" + item + "\",\"quantity\":" + quantity
				+ ",\"amount\":" + amount + "}";
	}

	private static String shorten(String answer) {
		String oneLine = answer.replace("\n", " ").replaceAll("order-[0-9a-f-]{36}", "order-…");
		return (oneLine.length() > 220) ? oneLine.substring(0, 220) + "…" : oneLine;
	}

}
