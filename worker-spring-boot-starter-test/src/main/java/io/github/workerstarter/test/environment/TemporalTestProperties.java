package io.github.workerstarter.test.environment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the test module, bound from {@code temporal.test.*}.
 *
 * @param environment The TestWorkflowEnvironment the application's workers run on in tests.
 * @param replay The replay check of the histories the tests produce.
 * @param awaitTimeout How long WorkflowAwait waits (wall time) for a result, a query answer or a status, unless
 * given another timeout with within(...).
 */
@ConfigurationProperties("temporal.test")
public record TemporalTestProperties(@DefaultValue Environment environment, @DefaultValue Replay replay,
		@DefaultValue("30s") Duration awaitTimeout) {

	/**
	 * The test environment.
	 *
	 * @param enabled Whether the stubs, client and worker factory come from a TestWorkflowEnvironment (an in-process
	 * test server) instead of temporal.target.
	 * @param timeSkipping Whether the test server skips time while the test waits on a workflow (timers, retry
	 * backoffs and timeouts fire at once). Off: timers run in real time.
	 * @param initialTime Where the test server's clock starts. Default: the current time.
	 */
	public record Environment(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean timeSkipping,
			@Nullable Instant initialTime) {
	}

	/**
	 * The replay check.
	 *
	 * @param enabled Whether every workflow history the tests produce is replayed against the current code after
	 * each test, failing the test whose workflow does not replay.
	 * @param recordTo Folder to write every workflow history the tests produce to, as (workflow id).json in the
	 * Temporal CLI's export format, e.g. src/test/resources/histories: a replay corpus for
	 * WorkflowHistoryReplayer.assertReplays. A later history of the same workflow id replaces the file. Relative to
	 * the working directory (the module's directory under Maven and Gradle). Unset: nothing is written.
	 */
	public record Replay(@DefaultValue("true") boolean enabled, @Nullable Path recordTo) {
	}

}
