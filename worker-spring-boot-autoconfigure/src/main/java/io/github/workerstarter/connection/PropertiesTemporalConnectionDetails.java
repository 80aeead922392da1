package io.github.workerstarter.connection;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import io.github.workerstarter.config.TemporalProperties;

/**
 * The default {@link TemporalConnectionDetails}: {@code temporal.target}, {@code temporal.namespace} and
 * {@code temporal.connection.*}. The starter builds the connection from the properties themselves when this is the
 * bean in use (so a Temporal CLI profile and an SSL bundle's reload keep working).
 */
public class PropertiesTemporalConnectionDetails implements TemporalConnectionDetails {

	private final TemporalProperties properties;

	private final @Nullable SslBundles sslBundles;

	public PropertiesTemporalConnectionDetails(TemporalProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public String getTarget() {
		return String.valueOf(this.properties.target());
	}

	@Override
	public String getNamespace() {
		return this.properties.namespace();
	}

	@Override
	public boolean isTls() {
		return this.properties.connection().usesTls();
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		String name = this.properties.connection().sslBundle();
		return (name != null && this.sslBundles != null) ? this.sslBundles.getBundle(name) : null;
	}

	@Override
	public @Nullable String getApiKey() {
		return this.properties.connection().apiKey();
	}

	/**
	 * The properties behind these details.
	 * @return the starter's properties
	 */
	public TemporalProperties properties() {
		return this.properties;
	}

}
