package io.github.workerstarter.connection;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;

import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;

/**
 * The gRPC client's TLS context from a Spring Boot SSL bundle ({@code temporal.connection.ssl-bundle}): the bundle's
 * trust managers check the server, its key managers (when it has a key store) present the client certificate, its
 * options restrict protocols and ciphers.
 * <p>
 * The SDK builds its gRPC channel once, from the {@code SslContext} in the stubs' options. That context is a
 * {@link ReloadableSslContext}: when the bundle reloads ({@code reload-on-update}), it switches to the new
 * certificates and the channel is sent idle, so the connections it opens from then on use them; calls already
 * running (long polls included) finish on the old connection.
 */
final class SslBundleTls {

	static final String PROPERTY = "temporal.connection.ssl-bundle";

	private static final Log logger = LogFactory.getLog(SslBundleTls.class);

	private SslBundleTls() {
	}

	static ReloadableSslContext sslContext(String bundleName, @Nullable SslBundles bundles) {
		if (bundles == null) {
			throw new WorkerConfigurationException("Property " + PROPERTY + " is '" + bundleName
					+ "', but the application has no SslBundles bean (Spring Boot's SslAutoConfiguration is not active).",
					"Keep Spring Boot's auto-configuration of spring.ssl.bundle.* enabled, or remove " + PROPERTY + ".");
		}
		return new ReloadableSslContext(build(bundleName, bundle(bundleName, bundles)));
	}

	/**
	 * The TLS context of a bundle that comes with a service connection ({@link TemporalConnectionDetails}) rather than
	 * from {@code temporal.connection.ssl-bundle}.
	 * @param bundle the bundle
	 * @param source what supplied it, for messages
	 * @return the context
	 */
	static ReloadableSslContext sslContext(SslBundle bundle, String source) {
		try {
			return new ReloadableSslContext(build("(of " + source + ")", bundle));
		}
		catch (WorkerConfigurationException ex) {
			throw new WorkerConfigurationException("The SSL bundle of " + source
					+ " cannot be used for the gRPC connection to Temporal: " + ex.getCause().getMessage(),
					"Check the trust store and key store the service connection supplies.", ex.getCause());
		}
	}

	private static SslContext build(String bundleName, SslBundle bundle) {
		try {
			SslContextBuilder builder = GrpcSslContexts.forClient()
				.trustManager(bundle.getManagers().getTrustManagerFactory());
			if (hasKeys(bundle)) {
				builder.keyManager(bundle.getManagers().getKeyManagerFactory());
			}
			SslOptions options = bundle.getOptions();
			if (options.getEnabledProtocols() != null) {
				builder.protocols(options.getEnabledProtocols());
			}
			if (options.getCiphers() != null) {
				builder.ciphers(Arrays.asList(options.getCiphers()));
			}
			return builder.build();
		}
		catch (SSLException | RuntimeException ex) {
			throw new WorkerConfigurationException("The SSL bundle '" + bundleName + "' (" + PROPERTY
					+ ") cannot be used for the gRPC connection to Temporal: " + ex.getMessage(),
					"Check the bundle's key store, trust store and spring.ssl.bundle.*." + bundleName
							+ ".options (protocols and ciphers must be supported by the JDK).",
					ex);
		}
	}

	/**
	 * On every reload of the bundle, new connections of the channel use its new certificates: the context switches
	 * and the channel goes idle, which closes its connections once their calls are done. A bundle that no longer
	 * builds leaves the connection on the certificates it has, with an ERROR.
	 */
	static void reloadOnUpdate(String bundleName, SslBundles bundles, ReloadableSslContext context,
			ManagedChannel channel) {
		bundles.addBundleUpdateHandler(bundleName, (updated) -> {
			try {
				context.update(build(bundleName, updated));
			}
			catch (WorkerConfigurationException ex) {
				logger.error("SSL bundle '" + bundleName + "' (" + PROPERTY + ") was reloaded, but cannot be used; "
						+ "the Temporal connection keeps its current certificates. " + ex.getMessage(), ex);
				return;
			}
			channel.enterIdle();
			logger.info("SSL bundle '" + bundleName + "' (" + PROPERTY + ") was reloaded: new connections to "
					+ "Temporal use its new certificates; calls in flight finish on the current connection.");
		});
	}

	private static SslBundle bundle(String bundleName, SslBundles bundles) {
		try {
			return bundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			List<String> names = bundles.getBundleNames();
			throw new WorkerConfigurationException("Property " + PROPERTY + " is '" + bundleName
					+ "', but there is no SSL bundle of that name. Bundles defined: "
					+ (names.isEmpty() ? "none" : String.join(", ", names)) + "."
					+ DidYouMean.suggestion(bundleName, names),
					"Define the bundle under spring.ssl.bundle.pem." + bundleName + ".* or spring.ssl.bundle.jks."
							+ bundleName + ".* (truststore for the server's CA, keystore for a client certificate), "
							+ "or set " + PROPERTY + " to the name of an existing bundle.",
					ex);
		}
	}

	private static boolean hasKeys(SslBundle bundle) {
		KeyStore keyStore = bundle.getStores().getKeyStore();
		try {
			return keyStore != null && keyStore.size() > 0;
		}
		catch (KeyStoreException ex) {
			return false;
		}
	}

}
