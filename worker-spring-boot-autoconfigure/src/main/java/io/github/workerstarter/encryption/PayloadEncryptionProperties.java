package io.github.workerstarter.encryption;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * AES-256-GCM encryption of every payload the client and the workers send, bound from
 * {@code temporal.payloads.encryption.*}.
 *
 * @param enabled Whether payloads are encrypted. Payloads are then encrypted with the active key before they leave the
 * process, and every configured key decrypts; payloads that are not encrypted (written before encryption was turned
 * on) are still read as they are.
 * @param activeKeyId Id of the key that encrypts new payloads; it travels in each payload's metadata
 * (encryption-key-id). Default: the only key, when exactly one is configured.
 * @param keys The key ring: AES-256 keys by id. Each entry names one source: secret (Base64 text, e.g. from an
 * environment variable), ssl-bundle (a secret key entry of a Spring Boot JKS/PKCS12 SSL bundle's key store), or
 * neither, when a PayloadEncryptionKeyProvider bean supplies it (Vault, a cloud KMS). Every key is loaded at startup;
 * one that cannot be loaded fails startup.
 * @param encryptFailureMessages Whether failure messages and stack traces are encrypted too (the SDK's
 * encodeFailureAttributes), so an exception's text, which often quotes the data, is not stored in the clear. The Web
 * UI shows them through the codec server.
 * @param compression Compression before encryption.
 */
@ConfigurationProperties("temporal.payloads.encryption")
public record PayloadEncryptionProperties(@DefaultValue("false") boolean enabled, @Nullable String activeKeyId,
		@Nullable Map<String, Key> keys, @DefaultValue("true") boolean encryptFailureMessages,
		@DefaultValue Compression compression) {

	public PayloadEncryptionProperties {
		keys = (keys != null) ? new LinkedHashMap<>(keys) : new LinkedHashMap<>();
	}

	@Override
	public Map<String, Key> keys() {
		return Collections.unmodifiableMap(this.keys);
	}

	/**
	 * One key of the ring.
	 *
	 * @param secret The key itself: 32 bytes, Base64-encoded (e.g. `openssl rand -base64 32`). Give it through an
	 * environment variable or a secret store (secret: ${PAYLOAD_KEY_2026_06}), never in a file under version control.
	 * Never logged or shown.
	 * @param sslBundle Name of a Spring Boot SSL bundle (spring.ssl.bundle.jks.*) whose key store (PKCS12 or JCEKS)
	 * holds the key as a secret key entry, e.g. made with `keytool -genseckey -keyalg AES -keysize 256`. Its
	 * key.password, else its keystore.password, opens the entry.
	 * @param alias Alias of the secret key entry in the SSL bundle's key store. Default: the bundle's key.alias, else
	 * the key id.
	 */
	public record Key(@Nullable String secret, @Nullable String sslBundle, @Nullable String alias) {

		@Override
		public String toString() {
			// the key must never reach a log line, an exception message or a debugger's quick view
			return "Key[secret=" + ((this.secret != null) ? "******" : null) + ", sslBundle=" + this.sslBundle
					+ ", alias=" + this.alias + "]";
		}

	}

	/**
	 * Compression of payloads before they are encrypted (encrypted data does not compress). Compressed payloads carry
	 * the SDK's zlib encoding (binary/zlib) inside the encryption, as the Go SDK's and the Java SDK's zlib codecs write
	 * it.
	 *
	 * @param enabled Whether payloads of at least the threshold are compressed before encryption. A payload is kept
	 * uncompressed when compressing does not make it smaller. Off by default: compressing data an attacker partly
	 * chooses next to secret data can leak the secret through the encrypted size.
	 * @param threshold Smallest payload (serialized, before encryption) that is compressed; below it, compression
	 * costs more CPU than it saves bytes.
	 */
	public record Compression(@DefaultValue("false") boolean enabled, @DefaultValue("1KB") DataSize threshold) {
	}

}
