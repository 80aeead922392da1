package io.github.workerstarter.endpoint;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the Temporal API key and the payload encryption keys out of {@code /actuator/configprops} and
 * {@code /actuator/env} even where an application sets {@code show-values: always} (which shows every other value
 * unsanitized). Matches {@code temporal.connection.api-key} and {@code temporal.payloads.encryption.keys.<id>.secret}
 * in any spelling, and environment variables such as {@code TEMPORAL_API_KEY}.
 * A secret given as a command-line argument also shows inside the JVM's {@code sun.java.command} system property
 * (main class and arguments in one string); there every {@code --...api-key=} and {@code --...secret=} argument and
 * every password argument (the SSL bundles' {@code keystore.password}, {@code key.password},
 * {@code private-key-password}, ...) is masked.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class TemporalSecretsSanitizingAutoConfiguration {

	/** The system property holding the command line's main class (or jar) and arguments. */
	static final String JAVA_COMMAND = "sun.java.command";

	private static final String MASK = "******";

	// --name=value (or -Dname=value), the value running to the next argument: a value with spaces is one argument
	// that the JVM joined with the others by spaces
	private static final Pattern ARGUMENT = Pattern.compile("(?<=^|\\s)(--?(?:D)?)([^\\s=]+)=(.*?)(?=\\s--?\\S|$)");

	@Bean
	@ConditionalOnMissingBean(name = "temporalApiKeySanitizingFunction")
	SanitizingFunction temporalApiKeySanitizingFunction() {
		return (data) -> {
			if (isTemporalApiKey(data) || isPayloadEncryptionKey(data)) {
				return data.withSanitizedValue();
			}
			if (JAVA_COMMAND.equals(data.getKey()) && data.getValue() instanceof String command) {
				String masked = maskSecretArguments(command);
				return masked.equals(command) ? data : data.withValue(masked);
			}
			return data;
		};
	}

	static boolean isTemporalApiKey(SanitizableData data) {
		// configprops qualifies keys (temporal.connection.apiKey), env has them as written (dashed, or an env var)
		String key = normalized(data.getKey());
		return key.startsWith("temporal") && isApiKey(key);
	}

	static boolean isPayloadEncryptionKey(SanitizableData data) {
		String key = normalized(data.getKey());
		return key.startsWith("temporalpayloadsencryptionkeys") && key.endsWith("secret");
	}

	/**
	 * The command line with the value of every API key and password argument replaced by {@value #MASK}.
	 * @param command the value of {@code sun.java.command}
	 * @return the masked command line
	 */
	static String maskSecretArguments(String command) {
		Matcher matcher = ARGUMENT.matcher(command);
		StringBuilder masked = new StringBuilder();
		while (matcher.find()) {
			String replacement = isSecretName(matcher.group(2)) ? matcher.group(1) + matcher.group(2) + "=" + MASK
					: matcher.group();
			matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(masked);
		return masked.toString();
	}

	private static boolean isSecretName(String name) {
		String key = normalized(name);
		return isApiKey(key) || key.endsWith("password") || key.endsWith("passphrase") || key.endsWith("secret");
	}

	// temporal.connection.allow-plaintext-api-key is a switch, not a key
	private static boolean isApiKey(String normalizedKey) {
		return normalizedKey.endsWith("apikey") && !normalizedKey.endsWith("allowplaintextapikey");
	}

	private static String normalized(String key) {
		return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
