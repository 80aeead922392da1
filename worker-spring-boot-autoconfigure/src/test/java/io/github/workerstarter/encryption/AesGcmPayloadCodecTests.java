package io.github.workerstarter.encryption;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The codec's layout, checked with the JDK's cipher directly rather than through the codec itself; rotation, failures
 * that never decode to a wrong value, and compression before encryption.
 */
class AesGcmPayloadCodecTests {

	static final SecretKey KEY_A = key(1);

	static final SecretKey KEY_B = key(2);

	private final AesGcmPayloadCodec codecA = new AesGcmPayloadCodec(ring("key-a", Map.of("key-a", KEY_A)));

	@Test
	void encryptsTheWholePayloadInTheSamplesLayout() throws Exception {
		Payload plain = json("Jane Doe, 4111 1111 1111 1111");

		Payload encrypted = this.codecA.encode(List.of(plain)).get(0);

		assertThat(encrypted.getMetadataMap()).containsOnlyKeys("encoding", "encryption-key-id", "encryption-cipher");
		assertThat(metadata(encrypted, "encoding")).isEqualTo("binary/encrypted");
		assertThat(metadata(encrypted, "encryption-key-id")).isEqualTo("key-a");
		assertThat(metadata(encrypted, "encryption-cipher")).isEqualTo("AES/GCM/NoPadding");
		byte[] data = encrypted.getData().toByteArray();
		assertThat(data).hasSize(12 + plain.getSerializedSize() + 16);
		// nonce first; then ciphertext and tag, as the JDK (and Go's gcm.Seal) lay them out; no associated data
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, KEY_A, new GCMParameterSpec(128, Arrays.copyOf(data, 12)));
		byte[] decrypted = cipher.doFinal(data, 12, data.length - 12);
		assertThat(Payload.parseFrom(decrypted)).isEqualTo(plain);
		assertThat(new String(data, StandardCharsets.ISO_8859_1)).doesNotContain("Jane", "4111");
		assertThat(this.codecA.decode(List.of(encrypted))).containsExactly(plain);
	}

	@Test
	void everyPayloadGetsItsOwnNonce() {
		Payload plain = json("same value");
		List<Payload> encrypted = this.codecA.encode(List.of(plain, plain));
		assertThat(encrypted.get(0).getData().substring(0, 12)).isNotEqualTo(encrypted.get(1).getData().substring(0, 12));
		assertThat(this.codecA.decode(encrypted)).containsExactly(plain, plain);
	}

	@Test
	void payloadsThatAreNotEncryptedDecodeAsTheyAre() {
		Payload plain = json("written before encryption was turned on");
		assertThat(this.codecA.decode(List.of(plain))).containsExactly(plain);
	}

	@Test
	void oldKeysStillDecryptAfterTheActiveKeyChanges() {
		Payload underA = this.codecA.encode(List.of(json("order 1"))).get(0);
		AesGcmPayloadCodec rotated = new AesGcmPayloadCodec(ring("key-b", Map.of("key-a", KEY_A, "key-b", KEY_B)));

		Payload underB = rotated.encode(List.of(json("order 2"))).get(0);

		assertThat(metadata(underB, "encryption-key-id")).isEqualTo("key-b");
		assertThat(rotated.decode(List.of(underA, underB))).containsExactly(json("order 1"), json("order 2"));
	}

	@Test
	void unknownKeyIdFailsNamingTheKey() {
		AesGcmPayloadCodec other = new AesGcmPayloadCodec(ring("key-b", Map.of("key-b", KEY_B)));
		Payload underA = this.codecA.encode(List.of(json("order"))).get(0);

		PayloadDecryptionException failure = catchThrowableOfType(PayloadDecryptionException.class,
				() -> other.decode(List.of(underA)));

		assertThat(failure.keyId()).isEqualTo("key-a");
		assertThat(failure).hasMessage("Payload is encrypted with key id 'key-a', which is not in this application's "
				+ "key ring [key-b] (temporal.payloads.encryption.keys). It was not decoded. Add the key under "
				+ "temporal.payloads.encryption.keys.key-a; keep every key as long as histories that use it are kept.");
	}

	@Test
	void tamperedPayloadFailsAuthenticationNamingTheKey() {
		Payload encrypted = this.codecA.encode(List.of(json("amount 10.00"))).get(0);
		byte[] data = encrypted.getData().toByteArray();
		data[20] ^= 1;
		Payload tampered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

		PayloadDecryptionException failure = catchThrowableOfType(PayloadDecryptionException.class,
				() -> this.codecA.decode(List.of(tampered)));

		assertThat(failure.keyId()).isEqualTo("key-a");
		assertThat(failure).hasMessageStartingWith("Payload under key id 'key-a' failed AES-GCM authentication: it was "
				+ "changed after it was encrypted, or key 'key-a' of this application is not the key it was encrypted "
				+ "with. It was not decoded.");
	}

	@Test
	void otherKeyMaterialUnderTheSameIdFailsAuthentication() {
		AesGcmPayloadCodec impostor = new AesGcmPayloadCodec(ring("key-a", Map.of("key-a", KEY_B)));
		Payload encrypted = this.codecA.encode(List.of(json("order"))).get(0);
		assertThat(catchThrowableOfType(PayloadDecryptionException.class, () -> impostor.decode(List.of(encrypted))))
			.hasMessageContaining("failed AES-GCM authentication");
	}

	@Test
	void malformedEncryptedPayloadsFailSayingWhy() {
		Payload encrypted = this.codecA.encode(List.of(json("order"))).get(0);
		Payload noKeyId = encrypted.toBuilder().removeMetadata("encryption-key-id").build();
		Payload otherCipher = encrypted.toBuilder()
			.putMetadata("encryption-cipher", ByteString.copyFromUtf8("AES/CBC/PKCS5Padding"))
			.build();
		Payload truncated = encrypted.toBuilder().setData(encrypted.getData().substring(0, 20)).build();

		assertThat(catchThrowableOfType(PayloadDecryptionException.class, () -> this.codecA.decode(List.of(noKeyId))))
			.hasMessageContaining("names no key (encryption-key-id metadata)");
		assertThat(catchThrowableOfType(PayloadDecryptionException.class,
				() -> this.codecA.decode(List.of(otherCipher))))
			.hasMessageContaining("is encrypted with AES/CBC/PKCS5Padding (encryption-cipher); this codec reads "
					+ "AES/GCM/NoPadding only");
		assertThat(catchThrowableOfType(PayloadDecryptionException.class, () -> this.codecA.decode(List.of(truncated))))
			.hasMessageContaining("has 20 bytes of data, less than a nonce and a tag (28)");
	}

	@Test
	void payloadsFromTheThresholdOnAreCompressedBeforeEncryption() throws Exception {
		AesGcmPayloadCodec compressing = new AesGcmPayloadCodec(ring("key-a", Map.of("key-a", KEY_A)), 1024, true);
		Payload large = json("line item; ".repeat(200));
		Payload small = json("line item");

		Payload largeEncrypted = compressing.encode(List.of(large)).get(0);
		Payload smallEncrypted = compressing.encode(List.of(small)).get(0);

		assertThat(largeEncrypted.getSerializedSize()).isLessThan(large.getSerializedSize() / 4);
		assertThat(decrypted(largeEncrypted).getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/zlib");
		assertThat(decrypted(smallEncrypted)).isEqualTo(small);
		assertThat(compressing.decode(List.of(largeEncrypted, smallEncrypted))).containsExactly(large, small);
		// a history written with compression on still decodes once it is off
		assertThat(this.codecA.decode(List.of(largeEncrypted))).containsExactly(large);
	}

	@Test
	void payloadsThatDoNotShrinkAreNotCompressed() throws Exception {
		AesGcmPayloadCodec compressing = new AesGcmPayloadCodec(ring("key-a", Map.of("key-a", KEY_A)), 1024, true);
		byte[] noise = new byte[4096];
		new Random(7).nextBytes(noise);
		Payload random = Payload.newBuilder()
			.putMetadata("encoding", ByteString.copyFromUtf8("binary/plain"))
			.setData(ByteString.copyFrom(noise))
			.build();

		Payload encrypted = compressing.encode(List.of(random)).get(0);

		assertThat(decrypted(encrypted)).isEqualTo(random);
	}

	static PayloadEncryptionKeyRing ring(String active, Map<String, SecretKey> keys) {
		return PayloadEncryptionKeyRing.of(active, new LinkedHashMap<>(new TreeMap<>(keys)));
	}

	static SecretKey key(int seed) {
		byte[] bytes = new byte[32];
		new Random(seed).nextBytes(bytes);
		return new SecretKeySpec(bytes, "AES");
	}

	static Payload json(String value) {
		return DefaultDataConverter.STANDARD_INSTANCE.toPayload(value).orElseThrow();
	}

	private static Payload decrypted(Payload encrypted) throws Exception {
		byte[] data = encrypted.getData().toByteArray();
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, KEY_A, new GCMParameterSpec(128, Arrays.copyOf(data, 12)));
		return Payload.parseFrom(cipher.doFinal(data, 12, data.length - 12));
	}

	private static String metadata(Payload payload, String key) {
		return payload.getMetadataOrThrow(key).toStringUtf8();
	}

}
