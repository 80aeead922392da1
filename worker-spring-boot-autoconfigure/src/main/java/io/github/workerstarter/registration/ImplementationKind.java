package io.github.workerstarter.registration;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.BeanFactory;

import io.github.workerstarter.annotation.ActivityImpl;
import io.github.workerstarter.annotation.WorkflowImpl;
import io.github.workerstarter.config.WorkerProperties;
import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * What differs between a workflow and an activity implementation; everything else (finding beans, resolving
 * queues, checking them, logging) is one code path in {@link ImplementationFinder} and the worker registry.
 * Type names always come from the SDK's own metadata, so explicit names ({@code @WorkflowMethod(name=...)},
 * {@code @ActivityMethod(name=...)}, {@code namePrefix}) are kept.
 */
public enum ImplementationKind {

	/** A {@link WorkflowImpl} class: a prototype bean, one instance per workflow execution. */
	WORKFLOW(WorkflowImpl.class, "workflows", "@WorkflowInterface") {

		@Override
		String[] declaredTaskQueues(Annotation annotation) {
			return ((WorkflowImpl) annotation).taskQueues();
		}

		@Override
		boolean isEnabledOn(WorkerProperties worker) {
			return worker.runsWorkflows();
		}

		@Override
		List<String> readTypeNames(Class<?> type) {
			return workflowInterfaces(type).stream().map((i) -> i.getWorkflowType().orElseThrow()).toList();
		}

		@Override
		void register(Worker worker, TemporalImplementation implementation, BeanFactory beanFactory,
				Function<Class<?>, WorkflowImplementationOptions> workflowOptions) {
			WorkflowImplementationOptions options = workflowOptions.apply(implementation.type());
			for (POJOWorkflowInterfaceMetadata workflowInterface : workflowInterfaces(implementation.type())) {
				registerFactory(worker, workflowInterface.getInterfaceClass(), implementation.beanName(), beanFactory,
						options);
			}
		}

		private static List<POJOWorkflowInterfaceMetadata> workflowInterfaces(Class<?> type) {
			// the "for factory" variant does not insist on a no-arg constructor: Spring builds the instance
			return POJOWorkflowImplMetadata.newInstanceForWorkflowFactory(type)
				.getWorkflowInterfaces()
				.stream()
				.filter((i) -> i.getWorkflowMethod().isPresent())
				.toList();
		}

		private static <T> void registerFactory(Worker worker, Class<T> workflowInterface, String beanName,
				BeanFactory beanFactory, WorkflowImplementationOptions options) {
			worker.registerWorkflowImplementationFactory(workflowInterface,
					() -> beanFactory.getBean(beanName, workflowInterface), options);
		}

	},

	/** An {@link ActivityImpl} bean: a singleton, registered as Spring exposes it (proxy included). */
	ACTIVITY(ActivityImpl.class, "activities", "@ActivityInterface") {

		@Override
		String[] declaredTaskQueues(Annotation annotation) {
			return ((ActivityImpl) annotation).taskQueues();
		}

		@Override
		boolean isEnabledOn(WorkerProperties worker) {
			return worker.runsActivities();
		}

		@Override
		List<String> readTypeNames(Class<?> type) {
			return POJOActivityImplMetadata.newInstance(type)
				.getActivityMethods()
				.stream()
				.map(POJOActivityMethodMetadata::getActivityTypeName)
				.toList();
		}

		@Override
		void register(Worker worker, TemporalImplementation implementation, BeanFactory beanFactory,
				Function<Class<?>, WorkflowImplementationOptions> workflowOptions) {
			worker.registerActivitiesImplementations(beanFactory.getBean(implementation.beanName()));
		}

	};

	private final Class<? extends Annotation> annotationType;

	private final String workerSwitch;

	private final String interfaceAnnotation;

	ImplementationKind(Class<? extends Annotation> annotationType, String workerSwitch, String interfaceAnnotation) {
		this.annotationType = annotationType;
		this.workerSwitch = workerSwitch;
		this.interfaceAnnotation = interfaceAnnotation;
	}

	/**
	 * The annotation that marks this kind of implementation.
	 * @return the annotation type
	 */
	public Class<? extends Annotation> annotationType() {
		return this.annotationType;
	}

	String annotationName() {
		return "@" + this.annotationType.getSimpleName();
	}

	/** The worker property that turns this kind off ({@code workflows} or {@code activities}). */
	String workerSwitch() {
		return this.workerSwitch;
	}

	/** The SDK annotation the implementation's interfaces must carry. */
	String interfaceAnnotation() {
		return this.interfaceAnnotation;
	}

	abstract String[] declaredTaskQueues(Annotation annotation);

	abstract boolean isEnabledOn(WorkerProperties worker);

	/**
	 * Temporal type names the implementation provides, as the SDK derives them.
	 * @throws IllegalArgumentException (from the SDK) when the class is not a valid implementation
	 */
	abstract List<String> readTypeNames(Class<?> type);

	/**
	 * Registers the implementation on a worker; {@code workflowOptions} is asked for workflows only.
	 */
	abstract void register(Worker worker, TemporalImplementation implementation, BeanFactory beanFactory,
			Function<Class<?>, WorkflowImplementationOptions> workflowOptions);

}
