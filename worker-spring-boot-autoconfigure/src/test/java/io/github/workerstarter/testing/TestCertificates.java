package io.github.workerstarter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made for a test with the JDK's {@code keytool} (no extra library): a CA, and leaf certificates it
 * signs, each in a PKCS12 key store holding the key and the chain [leaf, CA]. A trust store per CA holds only the
 * CA's certificate. All stores use the password {@link #PASSWORD}.
 */
public final class TestCertificates {

	public static final String PASSWORD = "changeit";

	private final Path directory;

	private TestCertificates(Path directory) {
		this.directory = directory;
	}

	/** Certificates in the given (temporary) directory. */
	public static TestCertificates in(Path directory) {
		return new TestCertificates(directory);
	}

	/**
	 * A self-signed CA.
	 * @param name file name stem and common name
	 * @return the CA
	 */
	public Ca ca(String name) {
		Path keyStore = this.directory.resolve(name + ".p12");
		keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name,
				"-ext", "bc:c", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
				"-storepass", PASSWORD);
		Path pem = this.directory.resolve(name + ".pem");
		keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
				"-file", pem.toString());
		Path trustStore = this.directory.resolve(name + "-trust.p12");
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pem.toString(), "-keystore",
				trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
		return new Ca(keyStore, pem, trustStore);
	}

	/**
	 * A server certificate signed by the CA.
	 * @param ca the issuer
	 * @param name file name stem and common name
	 * @param subjectAlternativeNames for example {@code dns:temporal.test} or {@code ip:127.0.0.1}
	 * @return a PKCS12 key store with the key and the chain
	 */
	public Path server(Ca ca, String name, String subjectAlternativeNames) {
		return leaf(ca, name, "serverAuth", subjectAlternativeNames);
	}

	/**
	 * A client certificate signed by the CA, for mutual TLS.
	 * @param ca the issuer
	 * @param name file name stem and common name
	 * @return a PKCS12 key store with the key and the chain
	 */
	public Path client(Ca ca, String name) {
		return leaf(ca, name, "clientAuth", null);
	}

	private Path leaf(Ca ca, String name, String extendedKeyUsage, String subjectAlternativeNames) {
		Path keyStore = this.directory.resolve(name + ".p12");
		Path request = this.directory.resolve(name + ".csr");
		Path certificate = this.directory.resolve(name + ".pem");
		keytool("-genkeypair", "-alias", "leaf", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name,
				"-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
		keytool("-certreq", "-alias", "leaf", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file",
				request.toString());
		List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore",
				ca.keyStore().toString(), "-storepass", PASSWORD, "-infile", request.toString(), "-outfile",
				certificate.toString(), "-validity", "2", "-ext", "EKU=" + extendedKeyUsage, "-ext",
				"KU=digitalSignature,keyEncipherment"));
		if (subjectAlternativeNames != null) {
			sign.addAll(List.of("-ext", "SAN=" + subjectAlternativeNames));
		}
		keytool(sign.toArray(String[]::new));
		// the CA first, so that keytool can build the chain when the signed certificate replaces the self-signed one
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", ca.certificate().toString(), "-keystore",
				keyStore.toString(), "-storepass", PASSWORD);
		keytool("-importcert", "-noprompt", "-alias", "leaf", "-file", certificate.toString(), "-keystore", keyStore.toString(),
				"-storepass", PASSWORD);
		return keyStore;
	}

	private static void keytool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + command + "\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A certificate authority.
	 * @param keyStore its key and self-signed certificate (PKCS12)
	 * @param certificate its certificate (PEM)
	 * @param trustStore a PKCS12 trust store holding only its certificate
	 */
	public record Ca(Path keyStore, Path certificate, Path trustStore) {
	}

}
