package io.github.workerstarter.encryption;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the configured key secrets wherever their text shows in {@code /actuator/env} and {@code /actuator/configprops},
 * whatever the property is called: {@code secret: ${PAYLOAD_KEY}} makes the environment variable {@code PAYLOAD_KEY}
 * hold the key too, and a key given as a command-line argument also shows inside {@code sun.java.command}. Properties
 * named {@code temporal.payloads.encryption.keys.<id>.secret} are masked by name as well (by the starter's
 * secrets sanitizing function), so this adds the places a name cannot tell.
 */
final class KeyMaterialSanitizingFunction implements SanitizingFunction {

	private static final String MASK = "******";

	private final List<String> secrets;

	KeyMaterialSanitizingFunction(PayloadEncryptionProperties properties) {
		// a key is 32 bytes, 44 characters of Base64: shorter text is not a key and masking it would hide other values
		this.secrets = properties.keys()
			.values()
			.stream()
			.map(PayloadEncryptionProperties.Key::secret)
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((secret) -> secret.length() >= 16)
			.toList();
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (this.secrets.isEmpty() || !(data.getValue() instanceof CharSequence text)) {
			return data;
		}
		String value = text.toString();
		String masked = value;
		for (String secret : this.secrets) {
			if (masked.strip().equals(secret)) {
				return data.withSanitizedValue();
			}
			masked = masked.replace(secret, MASK);
		}
		return masked.equals(value) ? data : data.withValue(masked);
	}

}
