package io.github.workerstarter.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import io.github.workerstarter.config.TemporalProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.envconfig.ClientConfig;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigOptions;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * A Temporal environment configuration profile ({@code temporal.toml} of the Temporal CLI, plus the CLI's
 * {@code TEMPORAL_*} environment variables), loaded by the SDK's {@code temporal-envconfig} module when
 * {@code temporal.env-config.enabled=true}. Our {@code temporal.*} properties win over the profile where set:
 * they are written into the profile before the SDK converts it to stubs options, so the SDK's own conversion (TLS
 * files, API key, gRPC metadata, server name) does the rest.
 * <p>
 * Only {@link #load} touches {@code io.temporal.envconfig}, after checking that it is on the classpath; the
 * connection auto-configuration calls it only when the profile is enabled, so applications without the jar work.
 */
public final class EnvConfigProfile {

	private static final String PROFILE_CLASS = "io.temporal.envconfig.ClientConfigProfile";

	private final WorkflowServiceStubsOptions stubsOptions;

	private final @Nullable String address;

	private final @Nullable String namespace;

	private final String description;

	private EnvConfigProfile(WorkflowServiceStubsOptions stubsOptions, @Nullable String address,
			@Nullable String namespace, String description) {
		this.stubsOptions = stubsOptions;
		this.address = address;
		this.namespace = namespace;
		this.description = description;
	}

	/**
	 * Loads the profile named by {@code temporal.env-config.*} and lays our connection properties over it.
	 * @param properties the bound properties, env-config enabled
	 * @param classLoader where to look for temporal-envconfig
	 * @return the profile with our properties applied
	 */
	static EnvConfigProfile load(TemporalProperties properties, @Nullable ClassLoader classLoader) {
		return load(ConnectionSettings.main(properties), classLoader);
	}

	/**
	 * Loads the profile of one connection's {@code env-config} and lays its connection properties over it.
	 * @param settings the connection's settings, env-config enabled
	 * @param classLoader where to look for temporal-envconfig
	 * @return the profile with the properties applied
	 */
	static EnvConfigProfile load(ConnectionSettings settings, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(PROFILE_CLASS, classLoader)) {
			throw new WorkerConfigurationException("Property " + settings.prefix() + ".env-config.enabled is true, but "
					+ "Temporal's environment configuration module (" + PROFILE_CLASS + ") is not on the classpath.",
					"Add the dependency io.temporal:temporal-envconfig (same version as temporal-sdk), or remove "
							+ settings.prefix() + ".env-config.enabled.");
		}
		return Sdk.load(settings);
	}

	/**
	 * The stubs options the SDK made from the profile, our properties applied.
	 * @return stubs options to start from
	 */
	public WorkflowServiceStubsOptions stubsOptions() {
		return this.stubsOptions;
	}

	/**
	 * The address: temporal.target when set, else the profile's.
	 * @return host:port, or null when neither sets one
	 */
	public @Nullable String address() {
		return this.address;
	}

	/**
	 * The profile's namespace (temporal.namespace, when set, wins over it in the client).
	 * @return the namespace, or null when the profile sets none
	 */
	public @Nullable String namespace() {
		return this.namespace;
	}

	/**
	 * Which profile of which file, for messages; never its values (the SDK's own toString shows the API key).
	 * @return a description
	 */
	public String description() {
		return this.description;
	}

	@Override
	public String toString() {
		return "EnvConfigProfile[" + this.description + ", address=" + this.address + ", namespace=" + this.namespace
				+ "]";
	}

	// the only code that references temporal-envconfig types
	private static final class Sdk {

		static EnvConfigProfile load(ConnectionSettings settings) {
			TemporalProperties.EnvConfig config = settings.envConfig();
			String prefix = settings.prefix();
			LoadClientConfigProfileOptions.Builder options = LoadClientConfigProfileOptions.newBuilder();
			String file = config.file();
			if (file != null) {
				Path path = Path.of(file.trim());
				if (!Files.isRegularFile(path)) {
					// the SDK reads a missing file as an empty one; a path the user wrote must exist
					throw new WorkerConfigurationException("Property " + prefix + ".env-config.file is '" + file
							+ "', but there is no such file (looked for " + path.toAbsolutePath() + ").",
							"Point " + prefix + ".env-config.file at your temporal.toml, or remove it to use the Temporal "
									+ "CLI's default (TEMPORAL_CONFIG_FILE, else ~/.config/temporalio/temporal.toml).");
				}
				options.setConfigFilePath(path.toString());
			}
			if (config.profile() != null) {
				options.setConfigFileProfile(config.profile().trim());
			}
			String description = "profile '" + ((config.profile() != null) ? config.profile().trim()
					: "default (or TEMPORAL_PROFILE)") + "' of "
					+ ((file != null) ? file : "the Temporal CLI's configuration file");
			ClientConfigProfile loaded;
			try {
				loaded = ClientConfigProfile.load(options.build());
			}
			catch (IllegalArgumentException ex) {
				throw new WorkerConfigurationException("Property " + prefix + ".env-config.profile is '" + config.profile()
						+ "', but " + ((file != null) ? file : "the Temporal CLI's configuration file")
						+ " has no such profile. Profiles there: " + profileNames(file) + ".",
						"Set " + prefix + ".env-config.profile to one of the profiles in the file, add a [profile."
								+ config.profile() + "] table to it, or remove " + prefix + ".env-config.profile.",
						ex);
			}
			catch (IOException | RuntimeException ex) {
				throw new WorkerConfigurationException("The Temporal environment configuration ("
						+ description + ") cannot be read: " + ex.getMessage(),
						"Fix the TOML of the file (see the Temporal CLI's 'temporal config' commands), or set "
								+ prefix + ".env-config.enabled=false.",
						ex);
			}
			ClientConfigProfile.Builder merged = loaded.toBuilder();
			TemporalProperties.Connection connection = settings.connection();
			if (settings.target() != null) {
				merged.setAddress(settings.target());
			}
			if (connection.apiKey() != null) {
				merged.setApiKey(connection.apiKey());
			}
			if (Boolean.FALSE.equals(connection.tls())) {
				merged.setTls(ClientConfigTLS.newBuilder().setDisabled(true).build());
			}
			ClientConfigProfile effective = merged.build();
			WorkflowServiceStubsOptions stubsOptions;
			try {
				stubsOptions = effective.toWorkflowServiceStubsOptions();
			}
			catch (RuntimeException ex) {
				throw new WorkerConfigurationException("The TLS settings of the Temporal environment configuration ("
						+ description + ") cannot be used: " + ex.getMessage()
						+ ((ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : ""),
						"Check the profile's tls.client_cert_path, tls.client_key_path and tls.server_ca_cert_path, "
								+ "or use " + prefix + ".connection.ssl-bundle instead.",
						ex);
			}
			return new EnvConfigProfile(stubsOptions, blankToNull(effective.getAddress()),
					blankToNull(loaded.getNamespace()), description);
		}

		private static String profileNames(@Nullable String file) {
			try {
				LoadClientConfigOptions.Builder options = LoadClientConfigOptions.newBuilder();
				if (file != null) {
					options.setConfigFilePath(file.trim());
				}
				Set<String> names = new TreeSet<>(ClientConfig.load(options.build()).getProfiles().keySet());
				return names.isEmpty() ? "none" : String.join(", ", names);
			}
			catch (IOException | RuntimeException ex) {
				return "unknown (" + ex.getMessage() + ")";
			}
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.trim();
		}

	}

}
