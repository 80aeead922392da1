package io.github.workerstarter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that accepts connections, counts them and closes them at once: a Temporal target for tests that
 * prove an application does not contact its server (a training run), with a control that it does otherwise.
 */
public final class CountingPort implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	private CountingPort(ServerSocket socket) {
		this.socket = socket;
		Thread acceptor = new Thread(this::accept, "counting-port-" + socket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A port on 127.0.0.1, counting from now. */
	public static CountingPort open() {
		try {
			return new CountingPort(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket ignored = this.socket.accept()) {
				this.connections.incrementAndGet();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	/** The value for {@code temporal.target}. */
	public String target() {
		return "127.0.0.1:" + this.socket.getLocalPort();
	}

	/** Connections accepted so far. */
	public int connections() {
		return this.connections.get();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
