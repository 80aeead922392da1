package io.github.workerstarter.encryption;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * The AES-256 keys payloads are encrypted with, by id, and the id of the one that encrypts new payloads. Every key
 * decrypts. The starter builds it from {@code temporal.payloads.encryption.keys}; an application may declare its own
 * bean instead. It never shows key material: {@link #toString()} names the ids only.
 */
public final class PayloadEncryptionKeyRing {

	/** Length of an AES-256 key in bytes. */
	public static final int KEY_BYTES = 32;

	private final String activeKeyId;

	private final Map<String, SecretKey> keys;

	private PayloadEncryptionKeyRing(String activeKeyId, Map<String, SecretKey> keys) {
		this.activeKeyId = activeKeyId;
		this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
	}

	/**
	 * A key ring.
	 * @param activeKeyId the id of the key that encrypts new payloads, one of {@code keys}
	 * @param keys the keys by id, in the order they are listed
	 * @return the ring
	 * @throws IllegalArgumentException when the active key is not among the keys, an id is blank, or a key is not an
	 * AES key of 32 bytes
	 */
	public static PayloadEncryptionKeyRing of(String activeKeyId, Map<String, SecretKey> keys) {
		keys.forEach((id, key) -> {
			if (id == null || id.isBlank()) {
				throw new IllegalArgumentException("A key id must not be blank");
			}
			String problem = problem(key);
			if (problem != null) {
				throw new IllegalArgumentException("Key '" + id + "' " + problem);
			}
		});
		if (!keys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException(
					"The active key id '" + activeKeyId + "' is not one of the keys " + keys.keySet());
		}
		return new PayloadEncryptionKeyRing(activeKeyId, keys);
	}

	/**
	 * What is wrong with a key for AES-256, if anything; the material itself is never part of the answer.
	 * @param key a key
	 * @return a sentence fragment, or null for a usable key
	 */
	static String problem(SecretKey key) {
		if (key == null) {
			return "is missing";
		}
		if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
			return "is a " + key.getAlgorithm() + " key, not an AES key";
		}
		byte[] encoded = key.getEncoded();
		// a key kept in a hardware module does not reveal its bytes: its length is the module's to check
		if (encoded != null && encoded.length != KEY_BYTES) {
			return "has " + encoded.length + " bytes; AES-256 needs " + KEY_BYTES;
		}
		return null;
	}

	/** The id of the key that encrypts new payloads. */
	public String activeKeyId() {
		return this.activeKeyId;
	}

	/** The key that encrypts new payloads. */
	public SecretKey activeKey() {
		return this.keys.get(this.activeKeyId);
	}

	/**
	 * A key by its id.
	 * @param keyId the id from a payload's metadata
	 * @return the key, or empty when the ring has no key of that id
	 */
	public Optional<SecretKey> find(String keyId) {
		return Optional.ofNullable(this.keys.get(keyId));
	}

	/** The ids of every key, in the order they were configured. */
	public List<String> keyIds() {
		return List.copyOf(this.keys.keySet());
	}

	@Override
	public String toString() {
		return "PayloadEncryptionKeyRing[active=" + this.activeKeyId + ", keys=" + this.keys.keySet() + "]";
	}

}
