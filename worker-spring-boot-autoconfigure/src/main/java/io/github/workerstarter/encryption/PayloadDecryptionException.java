package io.github.workerstarter.encryption;

import org.jspecify.annotations.Nullable;

import io.temporal.payload.codec.PayloadCodecException;

/**
 * An encrypted payload that could not be decrypted: its key id is not in the key ring, it failed AES-GCM
 * authentication (changed after encryption, or encrypted with other key material under the same id), or it is not in
 * the expected layout. Thrown instead of ever returning a wrong value. On a workflow task it fails the task (the SDK
 * retries it, so the workflow goes on once the key is added); in an activity it fails the attempt.
 */
public class PayloadDecryptionException extends PayloadCodecException {

	private final @Nullable String keyId;

	public PayloadDecryptionException(@Nullable String keyId, String message) {
		super(message);
		this.keyId = keyId;
	}

	public PayloadDecryptionException(@Nullable String keyId, String message, Throwable cause) {
		super(message, cause);
		this.keyId = keyId;
	}

	/**
	 * The key id the payload names.
	 * @return the id from its {@code encryption-key-id} metadata, or null when it has none
	 */
	public @Nullable String keyId() {
		return this.keyId;
	}

}
