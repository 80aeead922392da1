package io.github.workerstarter.lifecycle;

/** Where a worker is in its life, as health and the logs report it. */
public enum WorkerState {

	/** Built, waiting for the server to answer before polling (or not started yet). */
	STARTING,

	/** Polling its task queue. */
	RUNNING,

	/** Polling suspended ({@code context.stop()}, or the worker alone); in-flight tasks still run. */
	SUSPENDED,

	/** The application is closing: polling stopped, in-flight tasks finishing. */
	DRAINING,

	/** Shut down. */
	STOPPED,

	/** Cannot run without a change of configuration (e.g. the namespace does not exist). */
	FAILED,

	/** Switched off by configuration (temporal.start-workers or the worker's enabled): not built, never polls. */
	DISABLED

}
