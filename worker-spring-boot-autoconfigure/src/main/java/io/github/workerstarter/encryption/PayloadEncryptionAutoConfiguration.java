package io.github.workerstarter.encryption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.temporal.payload.codec.PayloadCodec;

/**
 * {@code temporal.payloads.encryption.enabled=true}: a {@link PayloadCodec} bean that encrypts every payload with the
 * key ring's active key (see {@link AesGcmPayloadCodec} for the layout). The starter's data converter applies every
 * codec bean on the client and the workers alike (the test module's environment and the replayer too); this one is
 * ordered first, so it is the outermost: it encrypts what the application's own codecs produced, and the server sees
 * only ciphertext. The key ring is loaded at startup, every key of it, so a key that cannot be loaded fails startup.
 */
@AutoConfiguration(before = TemporalConnectionAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass(PayloadCodec.class)
@ConditionalOnBooleanProperty("temporal.payloads.encryption.enabled")
@EnableConfigurationProperties(PayloadEncryptionProperties.class)
public final class PayloadEncryptionAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PayloadEncryptionAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	PayloadEncryptionKeyRing temporalPayloadEncryptionKeyRing(PayloadEncryptionProperties properties,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<PayloadEncryptionKeyProvider> provider) {
		return new KeyRingLoader(sslBundles.getIfAvailable(), provider.getIfAvailable()).load(properties);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "temporalPayloadEncryptionCodec")
	AesGcmPayloadCodec temporalPayloadEncryptionCodec(PayloadEncryptionKeyRing keys,
			PayloadEncryptionProperties properties) {
		PayloadEncryptionProperties.Compression compression = properties.compression();
		long threshold = compression.enabled() ? compression.threshold().toBytes() : -1;
		logger.info("Temporal payloads are encrypted with AES-256-GCM: new payloads with key '{}', keys {} decrypt; "
				+ "compression {}; failure messages {}", keys.activeKeyId(), keys.keyIds(),
				(threshold >= 0) ? "of payloads from " + compression.threshold() : "off",
				properties.encryptFailureMessages() ? "encrypted" : "in the clear");
		return new AesGcmPayloadCodec(keys, threshold, properties.encryptFailureMessages());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class KeyMaterialSanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "temporalPayloadKeySanitizingFunction")
		KeyMaterialSanitizingFunction temporalPayloadKeySanitizingFunction(PayloadEncryptionProperties properties) {
			return new KeyMaterialSanitizingFunction(properties);
		}

	}

}
