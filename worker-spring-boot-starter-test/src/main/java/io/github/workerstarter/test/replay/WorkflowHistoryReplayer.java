package io.github.workerstarter.test.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import io.github.workerstarter.test.replay.ReplayResult.Outcome;
import io.github.workerstarter.worker.RegisteredWorker;
import io.github.workerstarter.worker.TemporalWorkerRegistry;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.common.WorkflowExecutionHistory;

/**
 * Replays workflow histories against the current code, on the application's own workers: the workflow instances
 * are the application's {@code @WorkflowImpl} beans, built by Spring with their injections, exactly as when they
 * run. (The SDK's {@code WorkflowReplayer} class-based methods would build them without Spring.) Replay runs on the
 * worker's non-caching replay path, so it never touches the workers' cache or polling.
 *
 * <p>Histories exported from a real cluster (the Temporal CLI's {@code temporal workflow show --output json} or the
 * UI's download) replay with one line: {@code replayer.assertReplays("classpath:histories/*.json")}.
 */
public class WorkflowHistoryReplayer {

	private static final Pattern EVENT_ID = Pattern.compile("(?:[Ee]vent |EventId=)(\\d+)");

	// what the SDK calls a workflow whose history (an export from the SDK's test server or an older server) names none
	private static final String SDK_UNKNOWN_WORKFLOW_ID = "workflow_id_in_replay";

	// the SDK's PotentialDeadlockException
	private static final String DEADLOCK_DETECTED = "[TMPRL1101]";

	// the query error the SDK reports starts with the exception's class name
	private static final Pattern EXCEPTION_CLASS = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error): ");

	private final ObjectProvider<TemporalWorkerRegistry> registry;

	private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

	public WorkflowHistoryReplayer(ObjectProvider<TemporalWorkerRegistry> registry) {
		this.registry = registry;
	}

	/**
	 * Replays every history the patterns match and fails naming each one that does not replay.
	 * @param locationPatterns Spring resource patterns of JSON histories, e.g. {@code classpath:histories/*.json}
	 * @return the results, all replayed
	 * @throws AssertionError listing the histories that do not replay, or when a pattern matches no file
	 */
	public List<ReplayResult> assertReplays(String... locationPatterns) {
		List<ReplayResult> results = new ArrayList<>();
		for (String pattern : locationPatterns) {
			Resource[] found = find(pattern);
			if (found.length == 0) {
				throw new AssertionError("No workflow history matches '" + pattern + "'. Export one with "
						+ "'temporal workflow show --workflow-id <id> --output json > src/test/resources/<path>.json'.");
			}
			for (Resource resource : found) {
				results.add(replay(read(resource), resource.getFilename()));
			}
		}
		List<ReplayResult> notReplayed = results.stream().filter((result) -> result.outcome() != Outcome.REPLAYED).toList();
		if (!notReplayed.isEmpty()) {
			int failed = notReplayed.size();
			throw new AssertionError(failed + " workflow " + ((failed == 1) ? "history" : "histories")
					+ ((failed == results.size()) ? "" : " of " + results.size()) + ((failed == 1) ? " does" : " do")
					+ " not replay against the current code:\n"
					+ notReplayed.stream().map((result) -> " - " + result.describe()).collect(Collectors.joining("\n")));
		}
		return results;
	}

	/**
	 * Replays one history on the worker that registers its workflow type (the one on the history's task queue when
	 * several do).
	 * @param history the history
	 * @param source where it came from, for messages
	 * @return the result; {@link Outcome#SKIPPED} when no worker of the application registers the type
	 */
	public ReplayResult replay(WorkflowExecutionHistory history, String source) {
		WorkflowExecutionStartedEventAttributes started = history.getEvents().get(0)
			.getWorkflowExecutionStartedEventAttributes();
		String type = started.getWorkflowType().getName();
		String workflowId = history.getWorkflowExecution().getWorkflowId();
		if (SDK_UNKNOWN_WORKFLOW_ID.equals(workflowId)) {
			workflowId = "";
		}
		if (history.getEvents().stream().noneMatch(HistoryEvent::hasWorkflowTaskCompletedEventAttributes)) {
			// terminated or timed out before a worker ran it: the code decided nothing to compare
			return new ReplayResult(source, workflowId, type, Outcome.SKIPPED, "no workflow task completed");
		}
		Optional<RegisteredWorker> worker = workerFor(type, started.getTaskQueue().getName());
		if (worker.isEmpty()) {
			return new ReplayResult(source, workflowId, type, Outcome.SKIPPED,
					"no worker of this application registers workflow type '" + type + "' (registered: "
							+ registeredTypes() + ")");
		}
		Exception failure = replayOn(worker.get(), history);
		if (failure != null && reason(failure).contains(DEADLOCK_DETECTED)) {
			// the SDK's 1 s deadlock detector also fires when a cold JVM loads the workflow's classes on a busy
			// machine; loaded once, a deterministic workflow replays, and a real deadlock fails again
			failure = replayOn(worker.get(), history);
		}
		return (failure != null) ? new ReplayResult(source, workflowId, type, Outcome.FAILED, mismatch(history, failure))
				: new ReplayResult(source, workflowId, type, Outcome.REPLAYED, null);
	}

	private static @Nullable Exception replayOn(RegisteredWorker worker, WorkflowExecutionHistory history) {
		try {
			worker.worker().replayWorkflowExecution(history);
			return null;
		}
		catch (Exception ex) {
			return ex;
		}
	}

	private Optional<RegisteredWorker> workerFor(String type, String taskQueue) {
		List<RegisteredWorker> workers = workers();
		return workers.stream()
			.filter((worker) -> worker.taskQueue().equals(taskQueue) && worker.workflowTypes().contains(type))
			.findFirst()
			// a history exported from another environment may name another queue for the same code
			.or(() -> workers.stream().filter((worker) -> worker.workflowTypes().contains(type)).findFirst());
	}

	private List<RegisteredWorker> workers() {
		TemporalWorkerRegistry workers = this.registry.getIfAvailable();
		return (workers != null) ? workers.workers() : List.of();
	}

	private List<String> registeredTypes() {
		return workers().stream().flatMap((worker) -> worker.workflowTypes().stream()).distinct().toList();
	}

	/** The first mismatching event, as the SDK names it, described from the history, then the SDK's reason. */
	static String mismatch(WorkflowExecutionHistory history, Throwable failure) {
		String reason = reason(failure);
		Matcher eventId = EVENT_ID.matcher(reason);
		String event = "";
		if (eventId.find()) {
			long id = Long.parseLong(eventId.group(1));
			event = history.getEvents()
				.stream()
				.filter((candidate) -> candidate.getEventId() == id)
				.findFirst()
				.map((found) -> "first mismatch at event " + describe(found) + ". ")
				.orElse("");
		}
		return "does not replay against the current code: " + event + reason;
	}

	// the innermost message that says something, without the SDK's stack trace lines
	private static String reason(Throwable failure) {
		String reason = String.valueOf(failure.getMessage());
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				reason = cause.getMessage();
			}
		}
		int errorStart = reason.indexOf("error=");
		String message = (errorStart >= 0) ? reason.substring(errorStart + "error=".length()) : reason;
		String lines = Arrays.stream(message.split("\n"))
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("at "))
			.collect(Collectors.joining(" "));
		return EXCEPTION_CLASS.matcher(lines).replaceFirst("");
	}

	/**
	 * An event as a person reads it: number, type and what it is about.
	 * @param event a history event
	 * @return e.g. {@code #5 ACTIVITY_TASK_SCHEDULED (activity ReserveStock)}
	 */
	public static String describe(HistoryEvent event) {
		String type = event.getEventType().name().replace("EVENT_TYPE_", "");
		String about = null;
		if (event.hasActivityTaskScheduledEventAttributes()) {
			about = "activity " + event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
		}
		else if (event.hasTimerStartedEventAttributes()) {
			about = "timer " + event.getTimerStartedEventAttributes().getTimerId();
		}
		else if (event.hasStartChildWorkflowExecutionInitiatedEventAttributes()) {
			about = "child workflow "
					+ event.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowType().getName();
		}
		else if (event.hasMarkerRecordedEventAttributes()) {
			about = "marker " + event.getMarkerRecordedEventAttributes().getMarkerName();
		}
		else if (event.hasWorkflowExecutionSignaledEventAttributes()) {
			about = "signal " + event.getWorkflowExecutionSignaledEventAttributes().getSignalName();
		}
		else if (event.hasSignalExternalWorkflowExecutionInitiatedEventAttributes()) {
			about = "signal " + event.getSignalExternalWorkflowExecutionInitiatedEventAttributes().getSignalName();
		}
		return "#" + event.getEventId() + " " + type + ((about != null) ? " (" + about + ")" : "");
	}

	private Resource[] find(String pattern) {
		try {
			return this.resources.getResources(pattern);
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot list workflow histories at '" + pattern + "': " + ex.getMessage(), ex);
		}
	}

	private static WorkflowExecutionHistory read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// the workflow id, when the history records it (messages name the file besides)
			return WorkflowExecutionHistory.fromJson(json);
		}
		catch (IOException | RuntimeException ex) {
			throw new AssertionError("Cannot read " + resource.getDescription()
					+ " as a workflow history (JSON as the Temporal CLI or UI export it): " + ex.getMessage(), ex);
		}
	}

}
