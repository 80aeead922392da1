package io.github.workerstarter.diagnostics;

/**
 * A mistake in the application's Temporal set-up, found at startup. It carries what Boot's failure report shows:
 * a description naming the property or bean and the bad value, and an action saying what to write instead.
 */
public class WorkerConfigurationException extends RuntimeException {

	private final String action;

	public WorkerConfigurationException(String description, String action) {
		this(description, action, null);
	}

	public WorkerConfigurationException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * What the user should change.
	 * @return the suggested fix
	 */
	public String getAction() {
		return this.action;
	}

}
