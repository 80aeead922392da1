package io.github.workerstarter.encryption;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Random;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Keys for the encryption tests: fixed (seeded) AES-256 keys, their Base64 text, and PKCS12 stores holding them. */
public final class TestKeys {

	private TestKeys() {
	}

	/** The same 32 bytes for the same seed, on every run. */
	public static SecretKey key(int seed) {
		byte[] bytes = new byte[32];
		new Random(seed).nextBytes(bytes);
		return new SecretKeySpec(bytes, "AES");
	}

	/** A key as {@code temporal.payloads.encryption.keys.<id>.secret} takes it. */
	public static String base64(SecretKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

	/**
	 * A PKCS12 key store with one secret key entry, as {@code keytool -genseckey} makes it.
	 * @param file where to write it
	 * @param alias the entry's alias
	 * @param key the key
	 * @param password the store's and the entry's password
	 * @return the file
	 */
	public static Path pkcs12(Path file, String alias, SecretKey key, String password) {
		try (OutputStream out = Files.newOutputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setEntry(alias, new KeyStore.SecretKeyEntry(key),
					new KeyStore.PasswordProtection(password.toCharArray()));
			store.store(out, password.toCharArray());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
