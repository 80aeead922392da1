package io.github.workerstarter.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Keeps each log line of one logger with a copy of the MDC taken on the logging thread, when the line is written
 * (Logback reads the MDC of an event lazily, so a plain list appender would read it later, on the test's thread).
 */
final class RecordingAppender extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	record Line(String message, Map<String, String> mdc) {
	}

	private final List<Line> lines = new CopyOnWriteArrayList<>();

	private final Logger logger;

	private RecordingAppender(Class<?> source) {
		this.logger = (Logger) LoggerFactory.getLogger(source);
	}

	static RecordingAppender on(Class<?> source) {
		RecordingAppender appender = new RecordingAppender(source);
		appender.setContext(appender.logger.getLoggerContext());
		appender.start();
		appender.logger.addAppender(appender);
		return appender;
	}

	@Override
	protected void append(ILoggingEvent event) {
		this.lines.add(new Line(event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap())));
	}

	List<Line> lines() {
		return List.copyOf(this.lines);
	}

	Line line(String message) {
		return this.lines.stream()
			.filter((line) -> line.message().equals(message))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No log line '" + message + "' in " + this.lines));
	}

	@Override
	public void close() {
		this.logger.detachAppender(this);
		stop();
	}

}
