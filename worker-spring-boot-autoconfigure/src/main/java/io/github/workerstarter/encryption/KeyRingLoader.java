package io.github.workerstarter.encryption;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Loads every key of {@code temporal.payloads.encryption.keys} at startup, from its own source: a Base64 secret, a
 * secret key entry of an SSL bundle's key store, or the {@link PayloadEncryptionKeyProvider} bean. A key that cannot be
 * loaded fails startup naming its id, its source and the fix; no message ever carries key material (nor an exception
 * of the decoder, which may quote it).
 */
final class KeyRingLoader {

	static final String PREFIX = "temporal.payloads.encryption";

	private static final String GENERATE = "openssl rand -base64 32";

	private static final String GENERATE_ENTRY = "keytool -genseckey -alias <key id> -keyalg AES -keysize 256 "
			+ "-storetype PKCS12 -keystore payload-keys.p12";

	private final @Nullable SslBundles sslBundles;

	private final @Nullable PayloadEncryptionKeyProvider provider;

	KeyRingLoader(@Nullable SslBundles sslBundles, @Nullable PayloadEncryptionKeyProvider provider) {
		this.sslBundles = sslBundles;
		this.provider = provider;
	}

	PayloadEncryptionKeyRing load(PayloadEncryptionProperties properties) {
		Map<String, PayloadEncryptionProperties.Key> configured = properties.keys();
		if (configured.isEmpty()) {
			throw new WorkerConfigurationException(PREFIX + ".enabled is true, but no key is configured under " + PREFIX
					+ ".keys, so payloads cannot be encrypted.",
					"Add a key of 32 random bytes in Base64 (" + GENERATE + "), given through an environment variable: "
							+ PREFIX + ".keys.<key id>.secret=${PAYLOAD_KEY}; or name an SSL bundle holding it ("
							+ PREFIX + ".keys.<key id>.ssl-bundle), or declare a PayloadEncryptionKeyProvider bean.");
		}
		String activeKeyId = activeKeyId(properties.activeKeyId(), configured.keySet().stream().toList());
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		configured.forEach((id, key) -> keys.put(id, load(id, key)));
		return PayloadEncryptionKeyRing.of(activeKeyId, keys);
	}

	private static String activeKeyId(@Nullable String activeKeyId, List<String> ids) {
		if (activeKeyId == null || activeKeyId.isBlank()) {
			if (ids.size() == 1) {
				return ids.get(0);
			}
			throw new WorkerConfigurationException(PREFIX + ".active-key-id is not set and " + ids.size()
					+ " keys are configured " + ids + ", so it is not clear which one encrypts new payloads.",
					"Set " + PREFIX + ".active-key-id to one of " + ids + ".");
		}
		if (!ids.contains(activeKeyId)) {
			throw new WorkerConfigurationException(PREFIX + ".active-key-id is '" + activeKeyId
					+ "', which is not a key of " + PREFIX + ".keys " + ids + ".",
					"Add the key under " + PREFIX + ".keys." + activeKeyId + " or set the active key id to one of " + ids
							+ "." + DidYouMean.suggestion(activeKeyId, ids));
		}
		return activeKeyId;
	}

	private SecretKey load(String id, PayloadEncryptionProperties.Key key) {
		String property = PREFIX + ".keys." + id;
		SecretKey loaded;
		if (key.secret() != null && key.sslBundle() != null) {
			throw new WorkerConfigurationException("Key '" + id + "' (" + property + ") names both a secret and an SSL "
					+ "bundle ('" + key.sslBundle() + "').", "Keep one of " + property + ".secret and " + property
							+ ".ssl-bundle.");
		}
		if (key.secret() != null) {
			loaded = fromSecret(id, property, key.secret());
		}
		else if (key.sslBundle() != null) {
			loaded = fromSslBundle(id, property, key.sslBundle(), key.alias());
		}
		else {
			loaded = fromProvider(id, property);
		}
		String problem = PayloadEncryptionKeyRing.problem(loaded);
		if (problem != null) {
			throw new WorkerConfigurationException("Key '" + id + "' (" + property + ", " + source(key) + ") " + problem
					+ ".", "Payloads are encrypted with AES-256: give a key of 32 random bytes (" + GENERATE + ").");
		}
		return loaded;
	}

	private static SecretKey fromSecret(String id, String property, String secret) {
		String value = secret.strip();
		if (value.startsWith("${") && value.endsWith("}")) {
			// Boot leaves a placeholder nothing resolves as it is: an environment variable that is not set
			String name = value.substring(2, value.length() - 1).split(":", 2)[0];
			throw new WorkerConfigurationException("The secret of key '" + id + "' (" + property + ".secret) is the "
					+ "placeholder " + value + ", which nothing resolves: no environment variable or property '" + name
					+ "' is set.", "Set " + name + " to the key's 32 bytes in Base64 (e.g. the output of " + GENERATE
							+ ") where the application runs, or remove the key from " + property + ".");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(secret.strip());
		}
		catch (IllegalArgumentException ex) {
			// the decoder's message quotes the offending character: never pass it on
			throw new WorkerConfigurationException("The secret of key '" + id + "' (" + property
					+ ".secret) is not Base64 text.", "Give the key's 32 bytes in Base64, e.g. the output of "
							+ GENERATE + ".");
		}
		if (bytes.length != PayloadEncryptionKeyRing.KEY_BYTES) {
			throw new WorkerConfigurationException("The secret of key '" + id + "' (" + property + ".secret) decodes to "
					+ bytes.length + " bytes; AES-256 needs " + PayloadEncryptionKeyRing.KEY_BYTES + ".",
					"Give the key's 32 bytes in Base64, e.g. the output of " + GENERATE + ".");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private SecretKey fromSslBundle(String id, String property, String bundleName, @Nullable String alias) {
		if (this.sslBundles == null) {
			throw new WorkerConfigurationException("Key '" + id + "' (" + property + ".ssl-bundle) names SSL bundle '"
					+ bundleName + "', but the application has no SslBundles bean.",
					"Keep Spring Boot's SSL auto-configuration on, or give the key another way.");
		}
		SslBundle bundle;
		try {
			bundle = this.sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			List<String> names = bundleNames();
			throw new WorkerConfigurationException("Key '" + id + "' (" + property + ".ssl-bundle) names SSL bundle '"
					+ bundleName + "', which is not configured. Configured SSL bundles: " + names + ".",
					"Configure spring.ssl.bundle.jks." + bundleName + ".keystore (location, password, type PKCS12) or name "
							+ "one of the configured bundles." + DidYouMean.suggestion(bundleName, names));
		}
		String entry = (alias != null) ? alias : (bundle.getKey().getAlias() != null) ? bundle.getKey().getAlias() : id;
		String where = "entry '" + entry + "' of SSL bundle '" + bundleName + "'";
		try {
			KeyStore store = bundle.getStores().getKeyStore();
			if (store == null) {
				throw new WorkerConfigurationException("Key '" + id + "' (" + property + ".ssl-bundle): SSL bundle '"
						+ bundleName + "' has no key store.", "Set spring.ssl.bundle.jks." + bundleName
								+ ".keystore.location to a PKCS12 key store holding the key (" + GENERATE_ENTRY + ").");
			}
			if (!store.containsAlias(entry)) {
				throw new WorkerConfigurationException("Key '" + id + "' (" + property + "): SSL bundle '" + bundleName
						+ "' has no entry '" + entry + "'. Entries of its key store: " + aliases(store) + ".",
						"Set " + property + ".alias to the entry's alias, or add the key to the key store ("
								+ GENERATE_ENTRY + ").");
			}
			String password = (bundle.getKey().getPassword() != null) ? bundle.getKey().getPassword()
					: bundle.getStores().getKeyStorePassword();
			Key found = store.getKey(entry, (password != null) ? password.toCharArray() : new char[0]);
			if (!(found instanceof SecretKey secretKey)) {
				throw new WorkerConfigurationException("Key '" + id + "' (" + property + "): " + where + " is "
						+ ((found != null) ? "a private key (" + found.getAlgorithm() + ")" : "a certificate")
						+ ", not a secret key (a PEM bundle cannot hold one).",
						"Use a PKCS12 or JCEKS key store with a secret key entry (" + GENERATE_ENTRY + ").");
			}
			return secretKey;
		}
		catch (UnrecoverableKeyException ex) {
			throw new WorkerConfigurationException("Key '" + id + "' (" + property + "): " + where
					+ " cannot be opened with the bundle's password.", "Set spring.ssl.bundle.jks." + bundleName
							+ ".key.password (or keystore.password) to the entry's password.");
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			if (ex instanceof WorkerConfigurationException failure) {
				throw failure;
			}
			throw new WorkerConfigurationException("Key '" + id + "' (" + property + "): " + where
					+ " cannot be read: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					"Check the bundle's key store (location, password, type PKCS12 or JCEKS) and the entry.");
		}
	}

	private SecretKey fromProvider(String id, String property) {
		if (this.provider == null) {
			throw new WorkerConfigurationException("Key '" + id + "' (" + property + ") names no source.",
					"Set " + property + ".secret (32 bytes in Base64, " + GENERATE + ") or " + property
							+ ".ssl-bundle, or declare a PayloadEncryptionKeyProvider bean that loads it.");
		}
		try {
			return this.provider.load(id);
		}
		catch (Exception ex) {
			throw new WorkerConfigurationException("The PayloadEncryptionKeyProvider (" + this.provider.getClass().getName()
					+ ") could not load key '" + id + "' (" + property + "): " + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage(), "Check that the key exists in the store the provider reads, and that this "
							+ "application may read it.", ex);
		}
	}

	private static String source(PayloadEncryptionProperties.Key key) {
		return (key.secret() != null) ? "from its secret"
				: (key.sslBundle() != null) ? "from SSL bundle '" + key.sslBundle() + "'"
						: "from the PayloadEncryptionKeyProvider";
	}

	private List<String> bundleNames() {
		try {
			return this.sslBundles.getBundleNames();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private static List<String> aliases(KeyStore store) throws GeneralSecurityException {
		List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
		Collections.sort(aliases);
		return aliases;
	}

}
