package io.github.workerstarter.registration;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.activity.ActivityInterface;
import io.temporal.workflow.WorkflowInterface;

/**
 * Which beans are registered on the workers, as the application declared them and as Spring lets a test (or a
 * {@code @Primary} bean) replace them. Two rules beyond Spring's annotation lookup:
 * <ul>
 * <li><b>A replaced instance keeps its declaration.</b> {@code @MockitoBean} on an implementation's interface keeps
 * the bean definition (annotated class) but registers a mock that implements only the interface, so the annotation
 * is no longer visible on the bean. A definition whose declared class (or {@code @Bean} method) carries the
 * annotation is still registered, with whatever instance the bean factory holds for it: the mock.</li>
 * <li><b>{@code @Primary} wins, as it does for injection.</b> When another bean of all an activity's or workflow's
 * interfaces is {@code @Primary}, that bean is registered in its place (on its queues), instead of both failing as
 * a duplicate type. The same rule holds in production: the registered implementation is the one Spring injects for
 * the interface. Two implementations without a primary among them still fail as duplicates.</li>
 * </ul>
 */
final class AnnotatedBeans {

	private static final Log logger = LogFactory.getLog(AnnotatedBeans.class);

	private final ConfigurableListableBeanFactory beanFactory;

	AnnotatedBeans(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Every bean of one kind, with its annotation.
	 * @param kind workflow, activity or Nexus service
	 * @return annotation by bean name, in registration order
	 */
	Map<String, Annotation> find(ImplementationKind kind) {
		Class<? extends Annotation> type = kind.annotationType();
		Map<String, Annotation> found = new LinkedHashMap<>();
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(type)) {
			Annotation annotation = this.beanFactory.findAnnotationOnBean(beanName, type);
			if (annotation != null) {
				found.put(beanName, annotation);
			}
		}
		for (String beanName : this.beanFactory.getBeanDefinitionNames()) {
			if (!found.containsKey(beanName)) {
				Annotation declared = declaredAnnotation(this.beanFactory.getBeanDefinition(beanName), type);
				if (declared != null) {
					Class<?> instanceType = this.beanFactory.getType(beanName);
					logger.info("Bean '" + beanName + "' is declared " + kind.annotationName() + " but its instance is a "
							+ ((instanceType != null) ? instanceType.getName() : "bean of unknown type")
							+ " (replaced, e.g. by a test's @MockitoBean); registering that instance");
					found.put(beanName, declared);
				}
			}
		}
		return found;
	}

	// the annotation on the definition's class or @Bean method, read from metadata without loading the bean
	private static @Nullable Annotation declaredAnnotation(BeanDefinition definition, Class<? extends Annotation> type) {
		if (definition.isAbstract() || !(definition instanceof AnnotatedBeanDefinition annotated)) {
			return null;
		}
		MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
		if (factoryMethod != null) {
			Annotation onMethod = synthesized(factoryMethod.getAnnotations(), type);
			return (onMethod != null) ? onMethod : onClass(factoryMethod.getReturnTypeName(), type);
		}
		return (definition.getFactoryMethodName() != null) ? null
				: synthesized(annotated.getMetadata().getAnnotations(), type);
	}

	private static @Nullable Annotation onClass(String className, Class<? extends Annotation> type) {
		if (!ClassUtils.isPresent(className, type.getClassLoader())) {
			return null;
		}
		Class<?> declared = ClassUtils.resolveClassName(className, type.getClassLoader());
		return synthesized(MergedAnnotations.from(declared, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY), type);
	}

	private static @Nullable Annotation synthesized(MergedAnnotations annotations, Class<? extends Annotation> type) {
		MergedAnnotation<? extends Annotation> annotation = annotations.get(type);
		return annotation.isPresent() ? annotation.synthesize() : null;
	}

	/**
	 * Applies the {@code @Primary} rule: an activity or workflow whose interfaces all resolve to another,
	 * {@code @Primary} bean gives way to it.
	 * @param found the implementations as annotated
	 * @return the implementations to register
	 * @throws WorkerConfigurationException when a primary bean replaces only some of an implementation's interfaces
	 */
	List<TemporalImplementation> preferPrimary(List<TemporalImplementation> found) {
		Set<String> annotated = new LinkedHashSet<>();
		found.forEach((implementation) -> annotated.add(implementation.beanName()));
		List<TemporalImplementation> result = new ArrayList<>();
		for (TemporalImplementation implementation : found) {
			String primary = primaryReplacement(implementation);
			if (primary == null) {
				result.add(implementation);
				continue;
			}
			logger.info(StringUtils.capitalize(implementation.describe()) + " is not registered: the @Primary bean '"
					+ primary + "' implements the same " + implementation.kind().typeLabel()
					+ "s and is registered instead");
			if (!annotated.contains(primary)) {
				// not annotated itself: it takes the replaced bean's queues
				result.add(unannotatedPrimary(implementation, primary));
			}
		}
		return result;
	}

	private TemporalImplementation unannotatedPrimary(TemporalImplementation replaced, String primary) {
		Class<?> type = this.beanFactory.getType(primary);
		if (replaced.kind() == ImplementationKind.WORKFLOW && !this.beanFactory.isPrototype(primary)) {
			throw new WorkerConfigurationException("The @Primary bean '" + primary + "' replaces " + replaced.describe()
					+ " on the workers but is a singleton; Temporal needs a new workflow instance for every execution.",
					"Declare the @Primary bean with @Scope(\"prototype\").");
		}
		return new TemporalImplementation(primary, replaced.kind(), (type != null) ? type : replaced.type(),
				replaced.workers(), replaced.typeNames());
	}

	// the single @Primary bean, other than this one, that Spring would inject for every Temporal interface it has
	private @Nullable String primaryReplacement(TemporalImplementation implementation) {
		List<Class<?>> interfaces = temporalInterfaces(implementation);
		Set<String> primaries = new LinkedHashSet<>();
		List<Class<?>> replaced = new ArrayList<>();
		for (Class<?> temporalInterface : interfaces) {
			String primary = primaryCandidate(temporalInterface);
			if (primary != null && !primary.equals(implementation.beanName())) {
				primaries.add(primary);
				replaced.add(temporalInterface);
			}
		}
		if (primaries.isEmpty()) {
			return null;
		}
		if (primaries.size() > 1 || replaced.size() < interfaces.size()) {
			throw new WorkerConfigurationException(StringUtils.capitalize(implementation.describe()) + " implements "
					+ names(interfaces) + ", but the @Primary bean(s) " + primaries + " stand in for " + names(replaced)
					+ " only, and a worker registers a bean with all of its interfaces.",
					"Let one @Primary bean implement all of " + names(interfaces) + ", or split "
							+ ClassUtils.getUserClass(implementation.type()).getSimpleName()
							+ " into one bean per interface.");
		}
		return primaries.iterator().next();
	}

	private @Nullable String primaryCandidate(Class<?> temporalInterface) {
		String primary = null;
		for (String candidate : this.beanFactory.getBeanNamesForType(temporalInterface, true, false)) {
			if (this.beanFactory.containsBeanDefinition(candidate)
					&& this.beanFactory.getMergedBeanDefinition(candidate).isPrimary()) {
				if (primary != null) {
					return null; // two primaries: Spring cannot choose either; the duplicate check reports it
				}
				primary = candidate;
			}
		}
		return primary;
	}

	private static List<Class<?>> temporalInterfaces(TemporalImplementation implementation) {
		Class<? extends Annotation> marker = switch (implementation.kind()) {
			case WORKFLOW -> WorkflowInterface.class;
			case ACTIVITY -> ActivityInterface.class;
			// a Nexus service implementation does not implement its service interface
			case NEXUS_SERVICE -> null;
		};
		if (marker == null) {
			return List.of();
		}
		return Arrays.stream(ClassUtils.getAllInterfacesForClass(ClassUtils.getUserClass(implementation.type())))
			.filter((candidate) -> candidate.isAnnotationPresent(marker))
			.toList();
	}

	private static String names(List<Class<?>> interfaces) {
		return interfaces.stream().map(Class::getSimpleName).toList().toString();
	}

}
