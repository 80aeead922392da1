package io.github.workerstarter.registration;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.filter.AbstractTypeHierarchyTraversingFilter;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.TypeFilter;

import io.github.workerstarter.annotation.WorkflowImpl;
import io.temporal.workflow.WorkflowInterface;

/**
 * One pass over the classes of the application's packages (those of {@code @SpringBootApplication}) for what
 * component scanning passes over without a word: interfaces and abstract classes carrying {@code @WorkflowImpl},
 * {@code @ActivityImpl} or {@code @NexusServiceImpl} (never registered), and concrete classes that implement a
 * {@code @WorkflowInterface} without {@code @WorkflowImpl} (registered only if a bean of theirs is). Reads the class
 * files and package listings component scanning already read (Boot's shared reader factory). With Spring AOT the
 * application skips it: the classes cannot differ from the build's, and a native image has no class files to scan.
 */
final class ApplicationPackagesScan {

	/**
	 * What the scan found.
	 *
	 * @param annotatedNonConcrete interfaces and abstract classes with one of the starter's annotations
	 * @param workflowClasses names of concrete classes that implement a workflow interface without
	 * {@code @WorkflowImpl}
	 */
	record Found(List<AnnotationMetadata> annotatedNonConcrete, List<String> workflowClasses) {

		static final Found NOTHING = new Found(List.of(), List.of());

	}

	private ApplicationPackagesScan() {
	}

	static Found scan(BeanFactory beanFactory) {
		if (AotDetector.useGeneratedArtifacts() || !AutoConfigurationPackages.has(beanFactory)) {
			return Found.NOTHING;
		}
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		CachingMetadataReaderFactory shared = beanFactory.getBeanProvider(CachingMetadataReaderFactory.class)
			.getIfUnique();
		if (shared != null) {
			scanner.setResourceLoader(shared.getResourceLoader());
			scanner.setMetadataReaderFactory(shared);
		}
		List<TypeFilter> annotated = new ArrayList<>();
		for (ImplementationKind kind : ImplementationKind.values()) {
			annotated.add(new AnnotationTypeFilter(kind.annotationType(), true, true));
		}
		TypeFilter implementsWorkflowInterface = new ImplementsWorkflowInterface();
		scanner.addIncludeFilter((reader, factory) -> {
			AnnotationMetadata metadata = reader.getAnnotationMetadata();
			if (!metadata.isConcrete()) {
				for (TypeFilter filter : annotated) {
					if (filter.match(reader, factory)) {
						return true;
					}
				}
				return false;
			}
			return !metadata.hasAnnotation(WorkflowImpl.class.getName()) && implementsWorkflowInterface.match(reader, factory);
		});
		List<AnnotationMetadata> nonConcrete = new ArrayList<>();
		List<String> workflowClasses = new ArrayList<>();
		for (String basePackage : AutoConfigurationPackages.get(beanFactory)) {
			for (var candidate : scanner.findCandidateComponents(basePackage)) {
				AnnotationMetadata metadata = ((AnnotatedBeanDefinition) candidate).getMetadata();
				if (metadata.isConcrete()) {
					workflowClasses.add(metadata.getClassName());
				}
				else {
					nonConcrete.add(metadata);
				}
			}
		}
		return new Found(nonConcrete, workflowClasses);
	}

	/** A class whose superclasses or interfaces include an interface annotated {@code @WorkflowInterface}. */
	private static final class ImplementsWorkflowInterface extends AbstractTypeHierarchyTraversingFilter {

		ImplementsWorkflowInterface() {
			super(true, true);
		}

		@Override
		protected boolean matchSelf(MetadataReader reader) {
			AnnotationMetadata metadata = reader.getAnnotationMetadata();
			return metadata.isInterface() && metadata.hasAnnotation(WorkflowInterface.class.getName());
		}

		// the platform's and Spring's types implement no workflow interface: not worth reading
		@Override
		protected Boolean matchSuperClass(String superClassName) {
			return isPlatform(superClassName) ? Boolean.FALSE : null;
		}

		@Override
		protected Boolean matchInterface(String interfaceName) {
			return isPlatform(interfaceName) ? Boolean.FALSE : null;
		}

		private static boolean isPlatform(String className) {
			return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jakarta.")
					|| className.startsWith("kotlin.") || className.startsWith("org.springframework.")
					|| className.startsWith("io.temporal.");
		}

	}

}
