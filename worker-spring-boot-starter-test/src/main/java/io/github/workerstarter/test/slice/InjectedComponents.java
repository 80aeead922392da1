package io.github.workerstarter.test.slice;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.AnnotatedClassFinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.annotation.ActivityImpl;
import io.github.workerstarter.annotation.NexusServiceImpl;
import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.client.WorkflowClientPlugin;
import io.temporal.client.schedules.ScheduleClientPlugin;
import io.temporal.serviceclient.WorkflowServiceStubsPlugin;
import io.temporal.worker.WorkerPlugin;

/**
 * The application's scanned components that its {@code @WorkflowImpl}, {@code @ActivityImpl} and
 * {@code @NexusServiceImpl} beans need, transitively: the candidates of the same component scan as the test's
 * {@code @SpringBootConfiguration} (plus its {@code @ConfigurationProperties} scan) that are assignable to a type an
 * implementation injects (constructor, {@code @Autowired} field or method; through {@code ObjectProvider},
 * {@code Optional}, collections), and the scanned configuration classes whose {@code @Bean} methods provide one.
 * Temporal SDK plugins (components, or scanned configuration classes declaring them) are kept too, with what they
 * inject: they change how every worker runs. Read from the classes, before any bean exists: a dependency reached
 * some other way must be included by hand.
 */
final class InjectedComponents {

	private static final List<Class<? extends Annotation>> ROOTS = List.of(WorkflowImpl.class, ActivityImpl.class,
			NexusServiceImpl.class);

	// the SDK's plugins change how every worker runs (interceptors, options, their own registrations): kept as in
	// production, with what they inject
	private static final List<Class<?>> PLUGINS = List.of(WorkflowServiceStubsPlugin.class, WorkflowClientPlugin.class,
			ScheduleClientPlugin.class, WorkerPlugin.class);

	private static final List<Class<?>> CONTAINERS = List.of(ObjectProvider.class, Optional.class, Collection.class,
			Map.class);

	private InjectedComponents() {
	}

	/**
	 * Class names of the components to load besides the annotated implementations.
	 * @param testClass the test class, from whose package Boot finds the {@code @SpringBootConfiguration}
	 * @return the class names; empty without a {@code @SpringBootConfiguration}
	 */
	static Set<String> of(Class<?> testClass) {
		Class<?> configuration = new AnnotatedClassFinder(SpringBootConfiguration.class).findFromClass(testClass);
		if (configuration == null) {
			return Set.of();
		}
		List<Class<?>> candidates = candidates(configuration);
		Set<Class<?>> included = new LinkedHashSet<>();
		Deque<Class<?>> toVisit = new ArrayDeque<>();
		candidates.stream().filter((candidate) -> isImplementation(candidate) || isPlugin(candidate)).forEach((root) -> {
			included.add(root);
			toVisit.add(root);
		});
		while (!toVisit.isEmpty()) {
			for (Class<?> needed : injectedTypes(toVisit.poll())) {
				for (Class<?> candidate : candidates) {
					if (!included.contains(candidate) && provides(candidate, needed)) {
						included.add(candidate);
						toVisit.add(candidate);
					}
				}
			}
		}
		return included.stream().map(Class::getName).collect(Collectors.toSet());
	}

	private static boolean isImplementation(Class<?> candidate) {
		MergedAnnotations annotations = MergedAnnotations.from(candidate);
		return ROOTS.stream().anyMatch(annotations::isPresent);
	}

	// a plugin component, or a configuration class declaring a plugin bean
	private static boolean isPlugin(Class<?> candidate) {
		return PLUGINS.stream()
			.anyMatch((plugin) -> plugin.isAssignableFrom(candidate) || beanMethods(candidate).stream()
				.anyMatch((method) -> plugin.isAssignableFrom(method.getReturnType())));
	}

	// what the configuration's component scan and configuration properties scan would find
	private static List<Class<?>> candidates(Class<?> configuration) {
		Set<String> packages = new LinkedHashSet<>();
		MergedAnnotations annotations = MergedAnnotations.from(configuration,
				MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
		packages.addAll(basePackages(annotations.get(ComponentScan.class), configuration));
		packages.addAll(basePackages(annotations.get(ConfigurationPropertiesScan.class), configuration));
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		ClassLoader classLoader = configuration.getClassLoader();
		List<Class<?>> candidates = new ArrayList<>();
		for (String basePackage : packages) {
			scanner.findCandidateComponents(basePackage).forEach((candidate) -> {
				String className = candidate.getBeanClassName();
				if (className != null && ClassUtils.isPresent(className, classLoader)) {
					candidates.add(ClassUtils.resolveClassName(className, classLoader));
				}
			});
		}
		return candidates;
	}

	private static Set<String> basePackages(MergedAnnotation<?> scan, Class<?> configuration) {
		if (!scan.isPresent()) {
			return Set.of();
		}
		Set<String> packages = new LinkedHashSet<>(Arrays.asList(scan.getStringArray("basePackages")));
		for (Class<?> packageClass : scan.getClassArray("basePackageClasses")) {
			packages.add(packageClass.getPackageName());
		}
		packages.removeIf(String::isBlank);
		return packages.isEmpty() ? Set.of(configuration.getPackageName()) : packages;
	}

	private static boolean provides(Class<?> candidate, Class<?> needed) {
		if (needed.isAssignableFrom(candidate)) {
			return true;
		}
		return beanMethods(candidate).stream()
			.map(Method::getReturnType)
			.filter((provided) -> !isJdkType(provided))
			.anyMatch((provided) -> needed.isAssignableFrom(provided) || provided.isAssignableFrom(needed));
	}

	private static List<Method> beanMethods(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods()).filter((method) -> method.isAnnotationPresent(Bean.class)).toList();
	}

	/** The application types a class asks Spring to inject; JDK types are nobody's component. */
	private static Set<Class<?>> injectedTypes(Class<?> type) {
		Set<Class<?>> types = new LinkedHashSet<>();
		if (MergedAnnotations.from(type).isPresent(ConfigurationProperties.class)) {
			return types; // bound from properties, not injected
		}
		Constructor<?> constructor = injectionConstructor(type);
		if (constructor != null) {
			addParameters(constructor, types);
		}
		beanMethods(type).forEach((method) -> addParameters(method, types));
		for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
			for (Field field : level.getDeclaredFields()) {
				if (isInjectionPoint(field) && !field.isAnnotationPresent(Value.class)) {
					types.add(unwrap(ResolvableType.forField(field)));
				}
			}
			for (Method method : level.getDeclaredMethods()) {
				if (isInjectionPoint(method)) {
					addParameters(method, types);
				}
			}
		}
		types.removeIf(InjectedComponents::isJdkType);
		return types;
	}

	private static boolean isJdkType(Class<?> type) {
		return type.isPrimitive() || type.getName().startsWith("java.");
	}

	private static @Nullable Constructor<?> injectionConstructor(Class<?> type) {
		Constructor<?>[] constructors = type.getDeclaredConstructors();
		for (Constructor<?> constructor : constructors) {
			if (constructor.isAnnotationPresent(Autowired.class)) {
				return constructor;
			}
		}
		return (constructors.length == 1) ? constructors[0] : null;
	}

	private static boolean isInjectionPoint(java.lang.reflect.AnnotatedElement element) {
		MergedAnnotations annotations = MergedAnnotations.from(element);
		return annotations.isPresent(Autowired.class) || annotations.isPresent("jakarta.inject.Inject")
				|| annotations.isPresent("jakarta.annotation.Resource");
	}

	private static void addParameters(Executable executable, Set<Class<?>> types) {
		for (int i = 0; i < executable.getParameterCount(); i++) {
			MethodParameter parameter = MethodParameter.forExecutable(executable, i);
			if (!parameter.hasParameterAnnotation(Value.class)) {
				types.add(unwrap(ResolvableType.forMethodParameter(parameter)));
			}
		}
	}

	// ObjectProvider<T>, Optional<T>, List<T>, Map<String, T>, T[] inject T
	private static Class<?> unwrap(ResolvableType type) {
		ResolvableType current = type;
		while (true) {
			if (current.isArray()) {
				current = current.getComponentType();
				continue;
			}
			Class<?> raw = current.toClass();
			if (CONTAINERS.stream().noneMatch((container) -> container.isAssignableFrom(raw))
					&& !raw.getName().equals("jakarta.inject.Provider")) {
				return raw;
			}
			ResolvableType[] generics = current.getGenerics();
			if (generics.length == 0) {
				return raw;
			}
			current = generics[generics.length - 1];
		}
	}

}
