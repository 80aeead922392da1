package io.github.workerstarter.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Fails startup on a {@code temporal.*} property that nothing reads. Boot ignores unknown names, and under
 * {@code temporal.workers.<queue>.*} a typo would silently leave a worker with its defaults. Names come from our
 * properties records (map entries are matched by their value type) plus the switches that are read by conditions
 * alone. Environment variables are not checked: the Temporal CLI's own {@code TEMPORAL_*} variables would look like
 * ours.
 */
public final class UnknownPropertiesCheck implements InitializingBean {

	/** Switches read by {@code @Conditional...Property} only, with no properties record behind them. */
	static final List<String> SWITCHES = List.of("temporal.logging.mdc.enabled", "temporal.tracing.enabled",
			"temporal.payloads.application-json-mapper");

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("temporal");

	/** Every properties record of the starter, whether or not its auto-configuration is active. */
	private static final List<Class<?>> PROPERTIES_TYPES = List.of(TemporalProperties.class,
			io.github.workerstarter.metrics.TemporalMetricsProperties.class,
			io.github.workerstarter.endpoint.TemporalEndpointProperties.class,
			io.github.workerstarter.encryption.PayloadEncryptionProperties.class,
			io.github.workerstarter.codecserver.CodecServerProperties.class,
			io.github.workerstarter.determinism.DeterminismProperties.class,
			io.github.workerstarter.scaling.TaskQueueBacklogProperties.class);

	private final Environment environment;

	private final List<Class<?>> moreTypes;

	public UnknownPropertiesCheck(Environment environment) {
		this(environment, List.of());
	}

	/**
	 * A check that also knows the properties records of a module that adds {@code temporal.*} properties (the test
	 * module's {@code temporal.test.*}).
	 * @param environment the environment to check
	 * @param moreTypes more {@code @ConfigurationProperties} records under {@code temporal}
	 */
	public UnknownPropertiesCheck(Environment environment, List<Class<?>> moreTypes) {
		this.environment = environment;
		this.moreTypes = List.copyOf(moreTypes);
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.environment.getProperty("temporal.fail-on-unknown-properties", Boolean.class, true)) {
			return;
		}
		List<String> patterns = knownPatterns();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable) || isEnvironmentVariables(source)) {
				continue;
			}
			iterable.stream().filter(ROOT::isAncestorOf).forEach((name) -> {
				if (patterns.stream().noneMatch((pattern) -> matches(pattern, name))) {
					throw unknown(name, source.getConfigurationProperty(name), patterns);
				}
			});
		}
	}

	/**
	 * Whether a {@code temporal.*} name is one of the starter's properties, map entries included (for documentation
	 * that names properties under a map key, such as {@code temporal.namespaces.billing.target}).
	 * @param name a property name, map keys filled in
	 * @return true when a properties record reads it
	 */
	public static boolean isKnown(String name) {
		ConfigurationPropertyName parsed = ConfigurationPropertyName.of(name);
		return new UnknownPropertiesCheck(new StandardEnvironment()).knownPatterns()
			.stream()
			.anyMatch((pattern) -> matches(pattern, parsed));
	}

	private List<String> knownPatterns() {
		Set<String> patterns = new LinkedHashSet<>(SWITCHES);
		List<Class<?>> types = new ArrayList<>(PROPERTIES_TYPES);
		types.addAll(this.moreTypes);
		for (Class<?> type : types) {
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			collect(prefix, type, patterns);
		}
		return new ArrayList<>(patterns);
	}

	private static void collect(String prefix, Class<?> type, Set<String> patterns) {
		for (RecordComponent component : type.getRecordComponents()) {
			String dashed = prefix + "." + toDashed(component.getName());
			if (component.getType().isRecord()) {
				collect(dashed, component.getType(), patterns);
			}
			else if (java.util.Map.class.isAssignableFrom(component.getType())) {
				Type valueType = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
				if (valueType instanceof Class<?> valueClass && valueClass.isRecord()) {
					// an entry written as `name: {}` is one property with an empty value, named like the entry
					patterns.add(dashed + ".*");
					collect(dashed + ".*", valueClass, patterns);
				}
				else {
					patterns.add(dashed + ".**");
				}
			}
			else if (java.util.Collection.class.isAssignableFrom(component.getType())) {
				// a list is one comma-separated value or indexed elements (YAML's "- item" lines)
				patterns.add(dashed);
				patterns.add(dashed + ".[]");
			}
			else {
				patterns.add(dashed);
			}
		}
	}

	private static String toDashed(String camel) {
		StringBuilder dashed = new StringBuilder();
		for (char c : camel.toCharArray()) {
			if (Character.isUpperCase(c)) {
				dashed.append('-').append(Character.toLowerCase(c));
			}
			else {
				dashed.append(c);
			}
		}
		return dashed.toString();
	}

	static boolean matches(String pattern, ConfigurationPropertyName name) {
		String[] parts = pattern.split("\\.");
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].equals("**")) {
				return name.getNumberOfElements() > i;
			}
			if (parts[i].equals("[]")) {
				return name.getNumberOfElements() == i + 1 && name.isNumericIndex(i);
			}
			if (i >= name.getNumberOfElements()) {
				return false;
			}
			if (!parts[i].equals("*") && !parts[i].equals(name.getElement(i, ConfigurationPropertyName.Form.DASHED))) {
				return false;
			}
		}
		return name.getNumberOfElements() == parts.length;
	}

	private static boolean isEnvironmentVariables(ConfigurationPropertySource source) {
		return source.getUnderlyingSource() instanceof org.springframework.core.env.PropertySource<?> propertySource
				&& StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(propertySource.getName());
	}

	private static WorkerConfigurationException unknown(ConfigurationPropertyName name, ConfigurationProperty property,
			List<String> patterns) {
		String written = asWritten(name);
		List<String> candidates = patterns.stream().map((pattern) -> concrete(pattern, name)).toList();
		String origin = (property != null && property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "";
		return new WorkerConfigurationException("Property " + written + origin
				+ " is not a property of the Temporal worker starter, so it would be silently ignored.",
				"Fix or remove it." + DidYouMean.suggestion(written, candidates)
						+ " To allow unknown temporal.* properties, set temporal.fail-on-unknown-properties=false.");
	}

	// map keys as the user wrote them (toString() lower-cases them: ChargeCard would read chargecard)
	static String asWritten(ConfigurationPropertyName name) {
		StringBuilder written = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			String element = name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL);
			if (name.isNumericIndex(i)) {
				written.append('[').append(element).append(']');
			}
			else {
				written.append((i > 0) ? "." : "").append(element);
			}
		}
		return written.toString();
	}

	// the pattern with the map keys of the name filled in, for "did you mean"
	private static String concrete(String pattern, ConfigurationPropertyName name) {
		String[] parts = pattern.split("\\.");
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].equals("*") && i < name.getNumberOfElements()) {
				parts[i] = name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL);
			}
		}
		return String.join(".", parts).replace(".**", "").replace(".[]", "[0]");
	}

}
