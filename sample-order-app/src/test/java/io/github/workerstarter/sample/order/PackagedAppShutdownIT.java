package io.github.workerstarter.sample.order;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.workerstarter.sample.order.workflow.OrderResult;
import io.github.workerstarter.testing.Http;
import io.github.workerstarter.testing.ServerClient;
import io.github.workerstarter.testing.TestServerProcess;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample ({@code java -jar}) against a Temporal test server in another JVM: SIGTERM while payments are
 * in flight drains cleanly, no activity is failed by the shutdown, and a second instance finishes every order.
 */
class PackagedAppShutdownIT {

	private static final int ORDERS = 10;

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Process> apps = new ArrayList<>();

	private TestServerProcess server;

	@AfterEach
	void stopEverything() {
		this.apps.forEach(Process::destroyForcibly);
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void sigtermDrainsInFlightPaymentsAndASecondInstanceFinishesTheOrders() throws Exception {
		this.server = TestServerProcess.start();
		int port = freePort();
		Path firstLog = Path.of("target", "packaged-app-first.log");
		Process first = startApp(port, firstLog);
		Http actuator = new Http(port);
		await().atMost(Duration.ofSeconds(90))
			.ignoreExceptions()
			.until(() -> actuator.get("/actuator/health/readiness", Duration.ofSeconds(5)).status() == 200);

		List<String> orderIds = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			orderIds.add(placeOrder(port, i));
		}
		// every order is waiting on the (slow) payment provider: activities are in flight
		await().atMost(Duration.ofSeconds(30))
			.until(() -> orderIds.stream().allMatch((id) -> step(port, id).contains("PROCESSING_PAYMENT")));

		long sigterm = System.nanoTime();
		first.destroy(); // SIGTERM
		assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("first instance exits").isTrue();
		Duration exitTime = Duration.ofNanos(System.nanoTime() - sigterm);
		// 143 = terminated by SIGTERM after the shutdown hooks ran; 0 if the JVM exits on its own
		assertThat(first.exitValue()).isIn(0, 143);
		String log = Files.readString(firstLog);
		assertThat(log).contains("Temporal workers draining").contains("Temporal workers stopped in");
		assertThat(log).doesNotContain("did not finish within the drain timeout");
		System.out.println("SIGTERM to exit with " + ORDERS + " payments in flight: " + exitTime.toMillis() + " ms");

		Process second = startApp(port, Path.of("target", "packaged-app-second.log"));
		try (ServerClient client = ServerClient.connect(this.server.target())) {
			for (String orderId : orderIds) {
				OrderResult result = client.client()
					.newUntypedWorkflowStub(orderId)
					.getResult(60, TimeUnit.SECONDS, OrderResult.class);
				assertThat(result.paymentId()).startsWith("pay-");
				List<HistoryEvent> history = client.client().fetchHistory(orderId).getEvents();
				assertThat(history).noneMatch((event) -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED
						|| event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT);
				// the payment that was in flight at SIGTERM ran once: it finished on the first instance, no retry
				assertThat(new OrderHistory(history).attempt("ProcessPayment")).isEqualTo(1);
			}
		}
		second.destroy();
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
	}

	private Process startApp(int port, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Files.deleteIfExists(log);
		Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", System.getProperty("sample.jar"),
				"--server.port=" + port, "--temporal.target=" + this.server.target(), "--orders.payment-failure-rate=0",
				"--orders.payment-delay=3s",
				// the test server never times out a sticky queue: without sticky execution the second instance
				// picks up every order, as it would from a real cluster after the sticky timeout
				"--temporal.worker-defaults.sticky-queue-schedule-to-start-timeout=0s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.apps.add(process);
		return process;
	}

	private String placeOrder(int port, int i) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"customerId\":\"c-" + i + "\",\"item\":\"book\",\"quantity\":1,\"amount\":12.5}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(202);
		Matcher matcher = ORDER_ID.matcher(response.body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private String step(int port, String orderId) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/" + orderId)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
