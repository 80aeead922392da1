package io.github.workerstarter.connection;

import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

import io.grpc.netty.shaded.io.netty.buffer.ByteBufAllocator;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;

/**
 * A client {@link SslContext} whose certificates can be replaced while the gRPC channel lives: gRPC asks the context
 * for a new {@link SSLEngine} on every connection it opens, so connections opened after {@link #update} present and
 * check the new certificates. The SDK builds its channel once with one context; this is the seam that lets a
 * reloaded SSL bundle reach it.
 */
final class ReloadableSslContext extends SslContext {

	private volatile SslContext current;

	ReloadableSslContext(SslContext initial) {
		this.current = initial;
	}

	void update(SslContext next) {
		this.current = next;
	}

	@Override
	public boolean isClient() {
		return this.current.isClient();
	}

	@Override
	public List<String> cipherSuites() {
		return this.current.cipherSuites();
	}

	@Override
	@SuppressWarnings("deprecation")
	public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
		return this.current.applicationProtocolNegotiator();
	}

	@Override
	public SSLEngine newEngine(ByteBufAllocator alloc) {
		return this.current.newEngine(alloc);
	}

	@Override
	public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
		return this.current.newEngine(alloc, peerHost, peerPort);
	}

	@Override
	public SSLSessionContext sessionContext() {
		return this.current.sessionContext();
	}

}
