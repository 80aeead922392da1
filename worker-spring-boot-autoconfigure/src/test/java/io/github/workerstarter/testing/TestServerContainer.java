package io.github.workerstarter.testing;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers container object for a Temporal image that starts nothing: there is no Docker engine on the build
 * machines. What it "contains" is a {@link TestServerProcess}; it reports that server's address as its host and
 * mapped frontend port, as a started container of the image would report its own. Everything Boot and the starter do
 * with a {@code @ServiceConnection} container runs as it would.
 */
public class TestServerContainer extends GenericContainer<TestServerContainer> {

	private final String image;

	private final int port;

	public TestServerContainer(String image, TestServerProcess server) {
		super(DockerImageName.parse(image));
		this.image = image;
		this.port = server.port();
	}

	@Override
	public void start() {
		// nothing to start: the server runs in a JVM of its own
	}

	@Override
	public void stop() {
	}

	@Override
	public boolean isRunning() {
		return true;
	}

	@Override
	public String getDockerImageName() {
		return this.image;
	}

	@Override
	public String getHost() {
		return "127.0.0.1";
	}

	@Override
	public Integer getMappedPort(int originalPort) {
		if (originalPort != 7233) {
			throw new IllegalArgumentException("Requested port (" + originalPort + ") is not mapped");
		}
		return this.port;
	}

}
