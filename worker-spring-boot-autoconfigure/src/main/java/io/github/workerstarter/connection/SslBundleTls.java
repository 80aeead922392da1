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
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;

/**
 * The gRPC client's TLS context from a Spring Boot SSL bundle ({@code temporal.connection.ssl-bundle}): the bundle's
 * trust managers check the server, its key managers (when it has a key store) present the client certificate, its
 * options restrict protocols and ciphers.
 * <p>
 * The SDK builds its gRPC channel once, from the {@code SslContext} in the stubs' options, and offers no way to swap
 * it on a live channel; so a reloaded bundle is not applied. We log that a restart is needed instead of pretending.
 */
final class SslBundleTls {

	static final String PROPERTY = "temporal.connection.ssl-bundle";

	private static final Log logger = LogFactory.getLog(SslBundleTls.class);

	private SslBundleTls() {
	}

	static SslContext sslContext(String bundleName, @Nullable SslBundles bundles) {
		if (bundles == null) {
			throw new WorkerConfigurationException("Property " + PROPERTY + " is '" + bundleName
					+ "', but the application has no SslBundles bean (Spring Boot's SslAutoConfiguration is not active).",
					"Keep Spring Boot's auto-configuration of spring.ssl.bundle.* enabled, or remove " + PROPERTY + ".");
		}
		SslBundle bundle = bundle(bundleName, bundles);
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

	/** Logs, when the bundle is reloaded, that the live connection keeps its certificates until a restart. */
	static void warnOnReload(String bundleName, SslBundles bundles) {
		bundles.addBundleUpdateHandler(bundleName, (updated) -> logger.warn("SSL bundle '" + bundleName + "' ("
				+ PROPERTY + ") was reloaded, but the Temporal gRPC connection keeps the certificates it started with: "
				+ "the Temporal SDK cannot change the TLS context of a live channel. Restart the application to use "
				+ "the new certificates."));
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
