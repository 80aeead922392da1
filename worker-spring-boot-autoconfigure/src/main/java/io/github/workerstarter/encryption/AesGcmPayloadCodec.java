package io.github.workerstarter.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.github.workerstarter.payload.EncodesFailureAttributes;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import io.temporal.payload.codec.ZlibPayloadCodec;

/**
 * Encrypts every payload with AES-256-GCM under the key ring's active key, in the layout of Temporal's encryption
 * samples (Go, Java, Python, TypeScript), so their codecs and codec servers read our payloads and we read theirs:
 *
 * <ul>
 * <li>metadata {@code encoding: binary/encrypted}, {@code encryption-key-id: <key id>} (UTF-8) and, as the Java sample
 * writes it, {@code encryption-cipher: AES/GCM/NoPadding};</li>
 * <li>data: a random 12-byte nonce, then the ciphertext, then the 16-byte GCM tag (the output of the Go sample's
 * {@code gcm.Seal(nonce, nonce, plaintext, nil)}), without associated data;</li>
 * <li>plaintext: the whole original payload, metadata included, as serialized protobuf
 * ({@code temporal.api.common.v1.Payload}).</li>
 * </ul>
 *
 * With compression on, a payload of at least the threshold is first compressed by the SDK's {@link ZlibPayloadCodec}
 * (encoding {@code binary/zlib}, as the Go sample's zlib codec writes it) when that makes it smaller; decoding inflates
 * a {@code binary/zlib} payload found inside an encrypted one whatever the setting, so turning compression off never
 * strands a history. Payloads that are not {@code binary/encrypted} decode as they are (histories from before
 * encryption was turned on). A payload that cannot be decrypted throws {@link PayloadDecryptionException}: never a
 * wrong value.
 */
public final class AesGcmPayloadCodec implements PayloadCodec, EncodesFailureAttributes {

	/** The {@code encoding} of an encrypted payload. */
	public static final String ENCODING = "binary/encrypted";

	/** Metadata key of the id of the key a payload is encrypted with. */
	public static final String KEY_ID = "encryption-key-id";

	/** Metadata key of the cipher, as Temporal's Java sample writes it. */
	public static final String CIPHER_KEY = "encryption-cipher";

	/** The cipher, in the JDK's name. */
	public static final String CIPHER = "AES/GCM/NoPadding";

	/** Bytes of the random nonce in front of the ciphertext. */
	public static final int NONCE_BYTES = 12;

	/** Bytes of the authentication tag at the end of the ciphertext. */
	public static final int TAG_BYTES = 16;

	private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);

	private static final ByteString CIPHER_BYTES = ByteString.copyFromUtf8(CIPHER);

	private static final ByteString ZLIB_ENCODING = ByteString.copyFromUtf8("binary/zlib");

	private final PayloadEncryptionKeyRing keys;

	private final ByteString activeKeyId;

	private final long compressionThreshold;

	private final boolean encryptFailureMessages;

	private final ZlibPayloadCodec zlib = new ZlibPayloadCodec();

	private final SecureRandom random = new SecureRandom();

	/**
	 * A codec without compression that also encrypts failure messages.
	 * @param keys the key ring
	 */
	public AesGcmPayloadCodec(PayloadEncryptionKeyRing keys) {
		this(keys, -1, true);
	}

	/**
	 * A codec.
	 * @param keys the key ring
	 * @param compressionThreshold payloads of at least this many bytes are compressed before encryption; negative for
	 * no compression
	 * @param encryptFailureMessages whether failure messages and stack traces go through the codec too
	 */
	public AesGcmPayloadCodec(PayloadEncryptionKeyRing keys, long compressionThreshold,
			boolean encryptFailureMessages) {
		this.keys = keys;
		this.activeKeyId = ByteString.copyFromUtf8(keys.activeKeyId());
		this.compressionThreshold = compressionThreshold;
		this.encryptFailureMessages = encryptFailureMessages;
	}

	/** The key ring this codec encrypts and decrypts with. */
	public PayloadEncryptionKeyRing keys() {
		return this.keys;
	}

	@Override
	public boolean encodesFailureAttributes() {
		return this.encryptFailureMessages;
	}

	@Override
	public List<Payload> encode(List<Payload> payloads) {
		List<Payload> encoded = new ArrayList<>(payloads.size());
		for (Payload payload : payloads) {
			encoded.add(encrypt(compressed(payload)));
		}
		return encoded;
	}

	@Override
	public List<Payload> decode(List<Payload> payloads) {
		List<Payload> decoded = new ArrayList<>(payloads.size());
		for (Payload payload : payloads) {
			decoded.add(decode(payload));
		}
		return decoded;
	}

	private Payload compressed(Payload payload) {
		if (this.compressionThreshold < 0 || payload.getSerializedSize() < this.compressionThreshold) {
			return payload;
		}
		return this.zlib.encode(List.of(payload)).get(0);
	}

	private Payload encrypt(Payload payload) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] plaintext = payload.toByteArray();
		byte[] data = new byte[NONCE_BYTES + plaintext.length + TAG_BYTES];
		System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
		try {
			cipher(Cipher.ENCRYPT_MODE, this.keys.activeKey(), nonce).doFinal(plaintext, 0, plaintext.length, data,
					NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new PayloadCodecException("Encrypting a payload with key '" + this.keys.activeKeyId() + "' failed: "
					+ ex.getMessage(), ex);
		}
		return Payload.newBuilder()
			.putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ENCODING_BYTES)
			.putMetadata(CIPHER_KEY, CIPHER_BYTES)
			.putMetadata(KEY_ID, this.activeKeyId)
			.setData(ByteString.copyFrom(data))
			.build();
	}

	private Payload decode(Payload payload) {
		if (!ENCODING_BYTES.equals(payload.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, null))) {
			return payload;
		}
		ByteString keyIdBytes = payload.getMetadataOrDefault(KEY_ID, null);
		if (keyIdBytes == null) {
			throw new PayloadDecryptionException(null, "Payload is marked " + ENCODING + " but names no key ("
					+ KEY_ID + " metadata): it was not written by a codec of this convention, and was not decoded.");
		}
		String keyId = keyIdBytes.toString(StandardCharsets.UTF_8);
		ByteString cipherName = payload.getMetadataOrDefault(CIPHER_KEY, null);
		if (cipherName != null && !CIPHER_BYTES.equals(cipherName)) {
			throw new PayloadDecryptionException(keyId, "Payload under key id '" + keyId + "' is encrypted with "
					+ cipherName.toString(StandardCharsets.UTF_8) + " (" + CIPHER_KEY + "); this codec reads " + CIPHER
					+ " only. It was not decoded.");
		}
		SecretKey key = this.keys.find(keyId)
			.orElseThrow(() -> new PayloadDecryptionException(keyId, "Payload is encrypted with key id '" + keyId
					+ "', which is not in this application's key ring " + this.keys.keyIds() + " ("
					+ KeyRingLoader.PREFIX + ".keys). It was not decoded. Add the key under " + KeyRingLoader.PREFIX
					+ ".keys." + keyId + "; keep every key as long as histories that use it are kept."));
		ByteString data = payload.getData();
		if (data.size() < NONCE_BYTES + TAG_BYTES) {
			throw new PayloadDecryptionException(keyId, "Payload under key id '" + keyId + "' has " + data.size()
					+ " bytes of data, less than a nonce and a tag (" + (NONCE_BYTES + TAG_BYTES) + "). It was not decoded.");
		}
		byte[] bytes = data.toByteArray();
		byte[] plaintext;
		try {
			plaintext = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES)).doFinal(bytes,
					NONCE_BYTES, bytes.length - NONCE_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new PayloadDecryptionException(keyId, "Payload under key id '" + keyId + "' failed AES-GCM "
					+ "authentication: it was changed after it was encrypted, or key '" + keyId + "' of this "
					+ "application is not the key it was encrypted with. It was not decoded.", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new PayloadDecryptionException(keyId, "Decrypting a payload under key id '" + keyId + "' failed: "
					+ ex.getMessage(), ex);
		}
		Payload inner;
		try {
			inner = Payload.parseFrom(plaintext);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new PayloadDecryptionException(keyId, "Payload under key id '" + keyId + "' decrypted to bytes that "
					+ "are not a serialized Temporal payload: " + ex.getMessage(), ex);
		}
		return ZLIB_ENCODING.equals(inner.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, null))
				? this.zlib.decode(List.of(inner)).get(0) : inner;
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce) throws GeneralSecurityException {
		// a Cipher is not thread-safe, and GCM refuses a second encryption with one nonce: one per payload
		Cipher cipher = Cipher.getInstance(CIPHER);
		cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
		return cipher;
	}

	@Override
	public String toString() {
		return "AesGcmPayloadCodec[" + this.keys + ", compression threshold " + this.compressionThreshold + "]";
	}

}
