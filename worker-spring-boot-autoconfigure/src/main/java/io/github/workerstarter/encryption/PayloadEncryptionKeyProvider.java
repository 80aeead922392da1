package io.github.workerstarter.encryption;

import javax.crypto.SecretKey;

/**
 * Supplies the keys of {@code temporal.payloads.encryption.keys} entries that name no source of their own (neither
 * {@code secret} nor {@code ssl-bundle}): declare one as a bean to read keys from Vault, a cloud KMS (a data key
 * decrypted with the KMS key) or any other store. It is asked once per such key id, at startup, so no workflow task
 * ever waits on the store (a network call on a workflow thread would trip the SDK's deadlock detector).
 */
@FunctionalInterface
public interface PayloadEncryptionKeyProvider {

	/**
	 * The key of an id.
	 * @param keyId the id, as configured under {@code temporal.payloads.encryption.keys}
	 * @return an AES key of 32 bytes, e.g. {@code new SecretKeySpec(bytes, "AES")}
	 * @throws Exception when the key cannot be had; startup then fails naming the id and this exception's message (so
	 * never put key material in it)
	 */
	SecretKey load(String keyId) throws Exception;

}
