package io.github.workerstarter.registration;

import java.util.Arrays;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.type.AnnotationMetadata;

import io.github.workerstarter.diagnostics.WorkerConfigurationException;

/**
 * Component scanning skips interfaces and abstract classes without a word, so {@code @WorkflowImpl},
 * {@code @ActivityImpl} or {@code @NexusServiceImpl} on one would register nothing. This looks for them in the
 * application's packages (those of {@code @SpringBootApplication}, see {@link ApplicationPackagesScan}) and fails
 * startup instead. With Spring AOT the scan runs once at build time ({@code TemporalImplementationsAotProcessor}) and
 * the application skips it.
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
		reject(ApplicationPackagesScan.scan(beanFactory));
	}

	static void reject(ApplicationPackagesScan.Found found) {
		for (AnnotationMetadata metadata : found.annotatedNonConcrete()) {
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
