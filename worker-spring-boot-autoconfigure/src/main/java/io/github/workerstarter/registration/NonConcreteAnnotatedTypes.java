package io.github.workerstarter.registration;

import java.util.Arrays;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Component scanning skips interfaces and abstract classes without a word, so {@code @WorkflowImpl},
 * {@code @ActivityImpl} or {@code @NexusServiceImpl} on one would register nothing. This looks for them in the
 * application's packages (those of {@code @SpringBootApplication}) and fails startup instead. With Spring AOT the
 * scan runs once at build time ({@code TemporalImplementationsAotProcessor}) and the application skips it: the
 * classes cannot differ, and a native image has no class files to scan.
 */
public final class NonConcreteAnnotatedTypes {

	private NonConcreteAnnotatedTypes() {
	}

	/**
	 * Fails when an interface or abstract class in the application's packages carries one of the annotations.
	 * @param beanFactory the application's bean factory
	 * @throws WorkerConfigurationException naming the type and the fix
	 */
	public static void reject(BeanFactory beanFactory) {
		if (AotDetector.useGeneratedArtifacts() || !AutoConfigurationPackages.has(beanFactory)) {
			return;
		}
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				AnnotationMetadata metadata = definition.getMetadata();
				return metadata.isIndependent() && !metadata.isConcrete();
			}
		};
		// Boot's shared reader factory: the class files and the package listings component scanning already read
		CachingMetadataReaderFactory shared = beanFactory.getBeanProvider(CachingMetadataReaderFactory.class)
			.getIfUnique();
		if (shared != null) {
			scanner.setResourceLoader(shared.getResourceLoader());
			scanner.setMetadataReaderFactory(shared);
		}
		for (ImplementationKind kind : ImplementationKind.values()) {
			scanner.addIncludeFilter(new AnnotationTypeFilter(kind.annotationType(), true, true));
		}
		List<String> packages = AutoConfigurationPackages.get(beanFactory);
		for (String basePackage : packages) {
			for (var candidate : scanner.findCandidateComponents(basePackage)) {
				AnnotationMetadata metadata = ((AnnotatedBeanDefinition) candidate).getMetadata();
				String annotation = Arrays.stream(ImplementationKind.values())
					.filter((kind) -> metadata.hasAnnotation(kind.annotationType().getName()))
					.map(ImplementationKind::annotationName)
					.findFirst()
					.orElse(ImplementationKind.ACTIVITY.annotationName());
				String what = metadata.isInterface() ? "an interface" : "an abstract class";
				throw new WorkerConfigurationException(
						metadata.getClassName() + " is annotated " + annotation + " but is " + what
								+ ", which component scanning skips: nothing would be registered.",
						"Move " + annotation + " to the concrete class that implements it.");
			}
		}
	}

}
