package io.github.workerstarter.embedded;

/**
 * What the worker side needs to know of the in-process server, without loading the SDK's test server classes (an
 * application without {@code io.temporal:temporal-test-server} has none).
 */
public interface InProcessServer {

	/**
	 * Whether the server lives on after the application context that uses it closes (DevTools restarts).
	 * @return true when the next context's workers find what the closed context's left on it
	 */
	boolean outlivesContext();

}
