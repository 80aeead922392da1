package io.github.workerstarter.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time-skipping test with metrics on, as an application with Actuator has them: after the test server skips a
 * day, the activity that follows was scheduled a day ahead of this JVM's clock, so the SDK measures a negative
 * end-to-end latency for it. It is recorded as zero: counted, and no WARN (Micrometer refuses negative timer values
 * with a WARN naming our reporter, then at DEBUG for the rest of the JVM, so both levels are watched).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,temporal",
				"management.endpoint.health.show-components=always", "management.endpoint.health.show-details=always",
				"temporal.metrics.report-interval=100ms" })
class TimeSkippingMetricsTests {

	// from the activity's scheduling (server time) to its success (this JVM's time)
	private static final String END_TO_END = "temporal_activity_succeed_endtoend_latency";

	@Autowired
	WorkflowClient client;

	@Autowired
	MeterRegistry registry;

	private final Recording micrometerTimer = new Recording("io.micrometer.core.instrument.AbstractTimer", Level.DEBUG);

	private final Recording warnings = new Recording(Logger.ROOT_LOGGER_NAME, Level.WARN);

	@BeforeEach
	void record() {
		this.micrometerTimer.start();
		this.warnings.start();
	}

	@AfterEach
	void stopRecording() {
		this.micrometerTimer.close();
		this.warnings.close();
	}

	@Test
	void anActivityAfterASkippedDayIsTimedWithoutANegativeDurationWarning() {
		double before = bookedEndToEndCount();

		String tracking = this.client
			.newWorkflowStub(ShipmentWorkflow.class,
					WorkflowOptions.newBuilder().setTaskQueue("shipping").setWorkflowId("parcel-metrics-skip").build())
			.ship("p-skip");

		assertThat(tracking).isEqualTo("TRK-p-skip");
		// booking the carrier comes after the skipped day: counted (as zero), not dropped
		assertThat(bookedEndToEndCount() - before).isEqualTo(1);
		assertThat(this.micrometerTimer.events()).as("Micrometer's negative-duration complaints").isEmpty();
		assertThat(this.warnings.events()).as("WARN lines raised in the starter's code")
			.noneMatch(TimeSkippingMetricsTests::thrownThroughTheStarter);
	}

	private double bookedEndToEndCount() {
		return this.registry.find(END_TO_END)
			.tag("activity_type", "Book")
			.timers()
			.stream()
			.mapToDouble(Timer::count)
			.sum();
	}

	private static boolean thrownThroughTheStarter(ILoggingEvent event) {
		for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
			for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
				if (frame.getStackTraceElement().getClassName().startsWith("io.github.workerstarter.")) {
					return true;
				}
			}
		}
		return event.getLoggerName().startsWith("io.github.workerstarter.");
	}

	/** The events of one logger at a level and above, while started. */
	private static final class Recording extends AppenderBase<ILoggingEvent> implements AutoCloseable {

		private final Logger logger;

		private final Level level;

		private final Level previousLevel;

		private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

		Recording(String loggerName, Level level) {
			this.logger = (Logger) LoggerFactory.getLogger(loggerName);
			this.level = level;
			this.previousLevel = this.logger.getLevel();
			setContext(this.logger.getLoggerContext());
		}

		@Override
		public void start() {
			super.start();
			if (!this.logger.isEnabledFor(this.level)) {
				this.logger.setLevel(this.level);
			}
			this.logger.addAppender(this);
		}

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getLevel().isGreaterOrEqual(this.level)) {
				this.events.add(event);
			}
		}

		List<ILoggingEvent> events() {
			return List.copyOf(this.events);
		}

		@Override
		public void close() {
			this.logger.detachAppender(this);
			this.logger.setLevel(this.previousLevel);
			stop();
		}

	}

}
