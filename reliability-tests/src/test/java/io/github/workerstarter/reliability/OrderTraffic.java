package io.github.workerstarter.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Clients placing orders at a steady rate, each to the next instance in service (as a load balancer would). A client
 * whose request is refused or not answered (an instance going away) tries again on another instance after a second;
 * a 503 is tried again after its Retry-After. An order counts as placed when it was answered 202: from then on it must
 * reach a final state.
 */
final class OrderTraffic implements AutoCloseable {

	/** An accepted order. */
	record Placed(String orderId, String instance, long acceptedAtMillis) {
	}

	/** A 503 answer, as the client saw it. */
	record Refusal(long tookMillis, String retryAfter) {
	}

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([^\"]+)\"");

	private static final int MAX_ATTEMPTS = 60;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService clients = Executors.newCachedThreadPool();

	private final List<SampleApp> inService = new CopyOnWriteArrayList<>();

	private final List<Placed> placed = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger unanswered = new AtomicInteger();

	private final AtomicInteger gaveUp = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong requested = new AtomicLong();

	private final AtomicInteger remaining = new AtomicInteger();

	OrderTraffic(List<SampleApp> instances) {
		this.inService.addAll(instances);
	}

	/** Adds an instance to the rotation (ready). */
	void putInService(SampleApp app) {
		this.inService.add(app);
	}

	/** Takes an instance out of the rotation (before it is stopped, as Kubernetes removes a terminating pod). */
	void takeOutOfService(SampleApp app) {
		this.inService.remove(app);
	}

	/**
	 * Places orders at a steady rate, in the background.
	 * @param count how many
	 * @param perSecond how many per second
	 */
	void placeInBackground(int count, double perSecond) {
		long periodMicros = (long) (1_000_000 / perSecond);
		this.remaining.set(count);
		this.clock.scheduleAtFixedRate(() -> {
			if (this.remaining.getAndDecrement() > 0) {
				long n = this.requested.incrementAndGet();
				this.inFlight.incrementAndGet();
				this.clients.execute(() -> attempt(n, 1));
			}
		}, 0, periodMicros, TimeUnit.MICROSECONDS);
	}

	/** Places no further orders. */
	void stopPlacing() {
		this.remaining.set(0);
	}

	/** Waits until every order was placed (or placing stopped) and was answered 202 or given up. */
	void awaitAllAnswered(Duration timeout) {
		await("orders answered").atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.remaining.get() <= 0 && this.inFlight.get() == 0);
	}

	long requested() {
		return this.requested.get();
	}

	List<Placed> placed() {
		return new ArrayList<>(this.placed);
	}

	/** Requests that got no answer at all (connection reset, timeout): the client could not know and tried again. */
	int unanswered() {
		return this.unanswered.get();
	}

	/** Orders never answered 202 after all attempts. */
	int gaveUp() {
		return this.gaveUp.get();
	}

	/** Answers other than 202 and 503, which no scenario expects. */
	List<String> unexpected() {
		return new ArrayList<>(this.unexpected);
	}

	List<Refusal> refusals() {
		return new ArrayList<>(this.refusals);
	}

	private void attempt(long n, int attempt) {
		List<SampleApp> candidates = this.inService;
		if (candidates.isEmpty()) {
			retryLater(n, attempt, Duration.ofSeconds(1));
			return;
		}
		SampleApp app = candidates.get(Math.floorMod(this.next.getAndIncrement(), candidates.size()));
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/orders"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"customerId\":\"c-" + n + "\",\"item\":\"book\",\"quantity\":1,\"amount\":12.50}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			long took = (System.nanoTime() - started) / 1_000_000;
			if (response.statusCode() == 202) {
				Matcher id = ORDER_ID.matcher(response.body());
				if (!id.find()) {
					throw new IllegalStateException("202 without an order id: " + response.body());
				}
				this.placed.add(new Placed(id.group(1), app.name(), System.currentTimeMillis()));
				this.inFlight.decrementAndGet();
				return;
			}
			if (response.statusCode() == 503) {
				String retryAfter = response.headers().firstValue("Retry-After").orElse("");
				this.refusals.add(new Refusal(took, retryAfter));
				retryLater(n, attempt, Duration.ofSeconds(retryAfter.isEmpty() ? 1 : Long.parseLong(retryAfter)));
				return;
			}
			throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": " + response.body());
		}
		catch (IOException ex) {
			this.unanswered.incrementAndGet();
			retryLater(n, attempt, Duration.ofSeconds(1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.inFlight.decrementAndGet();
		}
		catch (RuntimeException ex) {
			this.unexpected.add(ex.getMessage());
			this.inFlight.decrementAndGet();
		}
	}

	private void retryLater(long n, int attempt, Duration delay) {
		if (attempt >= MAX_ATTEMPTS) {
			this.gaveUp.incrementAndGet();
			this.inFlight.decrementAndGet();
			return;
		}
		this.clock.schedule(() -> this.clients.execute(() -> attempt(n, attempt + 1)), delay.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.clock.shutdownNow();
		this.clients.shutdownNow();
	}

}
