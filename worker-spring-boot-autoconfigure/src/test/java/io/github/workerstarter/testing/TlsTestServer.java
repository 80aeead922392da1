package io.github.workerstarter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;

/**
 * The SDK's Temporal test server (its real services, real time) behind a TLS gRPC server on 127.0.0.1 that
 * requires a client certificate issued by a given CA: what a self-hosted cluster with mTLS looks like to a client.
 * Built from the same pieces as {@code TestServer.createPortBoundServer}, with Netty's TLS in front.
 */
public final class TlsTestServer implements AutoCloseable {

	private final TestServicesStarter services;

	private final Server server;

	private TlsTestServer(TestServicesStarter services, Server server) {
		this.services = services;
		this.server = server;
	}

	/**
	 * Starts a server on a free loopback port.
	 * @param serverKeyStore PKCS12 store with the server's key and certificate chain
	 * @param clientCa the CA whose client certificates are accepted
	 * @return the running server
	 */
	public static TlsTestServer start(Path serverKeyStore, TestCertificates.Ca clientCa) {
		TestServicesStarter services = new TestServicesStarter(true, 0);
		try {
			NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
				.sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(keyManagers(serverKeyStore)))
					.trustManager(clientCa.certificate().toFile())
					.clientAuth(ClientAuth.REQUIRE)
					.build());
			GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
			return new TlsTestServer(services, builder.build().start());
		}
		catch (IOException ex) {
			services.close();
			throw new UncheckedIOException(ex);
		}
	}

	private static KeyManagerFactory keyManagers(Path keyStore) throws IOException {
		try (InputStream in = Files.newInputStream(keyStore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, TestCertificates.PASSWORD.toCharArray());
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, TestCertificates.PASSWORD.toCharArray());
			return factory;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int port() {
		return this.server.getPort();
	}

	/** The value for {@code temporal.target}. */
	public String target() {
		return "127.0.0.1:" + port();
	}

	@Override
	public void close() {
		this.server.shutdownNow();
		try {
			this.server.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.services.close();
	}

}
