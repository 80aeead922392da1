package io.github.workerstarter.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.workerstarter.testing.Http;

/**
 * Asks an instance's readiness and liveness probes every 100 ms, as the kubelet would (more often), and keeps every
 * answer with its time: the status code and the probe group's status, or that the port refused the connection.
 */
final class ProbeWatcher implements AutoCloseable {

	/** One round of both probes. */
	record Sample(long atMillis, String readiness, String liveness) {
	}

	/** What a probe answered when its port was closed. */
	static final String REFUSED = "refused";

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final List<Sample> samples = new CopyOnWriteArrayList<>();

	private final Http http;

	ProbeWatcher(SampleApp app) {
		this.http = app.http();
		this.timer.scheduleWithFixedDelay(this::sample, 0, 100, TimeUnit.MILLISECONDS);
	}

	private void sample() {
		this.samples.add(new Sample(System.currentTimeMillis(), probe("/actuator/health/readiness"),
				probe("/actuator/health/liveness")));
	}

	private String probe(String path) {
		try {
			Http.Response response = this.http.get(path, TIMEOUT);
			return response.status() + " " + response.status("status");
		}
		catch (RuntimeException ex) {
			return REFUSED;
		}
	}

	List<Sample> samples() {
		return List.copyOf(this.samples);
	}

	/** The first sample at or after a time whose readiness answer starts with the given text. */
	Optional<Sample> firstReadiness(String answer, long fromMillis) {
		return this.samples.stream()
			.filter((sample) -> sample.atMillis() >= fromMillis && sample.readiness().startsWith(answer))
			.findFirst();
	}

	/** Liveness answers other than 200 while the port was open. */
	long livenessFailures() {
		return this.samples.stream()
			.filter((sample) -> !sample.liveness().startsWith("200") && !sample.liveness().equals(REFUSED))
			.count();
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
