package io.github.workerstarter.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forwarding TCP proxy on the loopback interface, between the application and the Temporal server. {@link #cut()}
 * is a network partition as a rejecting firewall makes it: every open connection is reset and new ones are reset as
 * soon as they are accepted, until {@link #restore()}.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int upstreamPort;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "tcp-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile boolean cut;

	TcpProxy(int upstreamPort) {
		this.upstreamPort = upstreamPort;
		try {
			this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.threads.execute(this::accept);
	}

	String target() {
		return "127.0.0.1:" + this.listener.getLocalPort();
	}

	void cut() {
		this.cut = true;
		this.open.forEach(TcpProxy::reset);
		this.open.clear();
	}

	void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (this.cut) {
					reset(client);
					continue;
				}
				Socket server = new Socket();
				try {
					server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.upstreamPort), 2000);
				}
				catch (IOException ex) {
					reset(client);
					continue;
				}
				this.open.add(client);
				this.open.add(server);
				this.threads.execute(() -> pump(client, server));
				this.threads.execute(() -> pump(server, client));
			}
			catch (IOException ex) {
				// the listener was closed
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away
		}
		finally {
			reset(from);
			reset(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		cut();
		this.threads.shutdownNow();
	}

}
