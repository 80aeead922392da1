package io.github.workerstarter.registration;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.github.workerstarter.annotation.ActivityImpl;
import io.github.workerstarter.annotation.NexusServiceImpl;
import io.github.workerstarter.annotation.WorkflowImpl;
import io.github.workerstarter.config.WorkerProperties;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.nexusrpc.ServiceDefinition;
import io.nexusrpc.handler.ServiceImpl;
import io.temporal.activity.DynamicActivity;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.DynamicWorkflow;

/**
 * What differs between a workflow, an activity and a Nexus service implementation; everything else (finding beans,
 * resolving queues, checking them, logging) is one code path in {@link ImplementationFinder} and the worker registry.
 * Type names always come from the SDK's own metadata, so explicit names ({@code @WorkflowMethod(name=...)},
 * {@code @ActivityMethod(name=...)}, {@code namePrefix}, {@code @Service(name=...)}) are kept.
 */
public enum ImplementationKind {

	/** A {@link WorkflowImpl} class: a prototype bean, one instance per workflow execution. */
	WORKFLOW(WorkflowImpl.class, "workflows", "workflow type", "@WorkflowInterface") {

		@Override
		String[] declaredTaskQueues(Annotation annotation) {
			return ((WorkflowImpl) annotation).taskQueues();
		}

		@Override
		String[] declaredNamespaces(Annotation annotation) {
			return ((WorkflowImpl) annotation).namespaces();
		}

		@Override
		boolean isEnabledOn(WorkerProperties worker) {
			return worker.runsWorkflows();
		}

		@Override
		List<String> readTypeNames(Class<?> type) {
			if (DynamicWorkflow.class.isAssignableFrom(type)) {
				return List.of(DYNAMIC_TYPE);
			}
			return workflowInterfaces(type).stream().map((i) -> i.getWorkflowType().orElseThrow()).toList();
		}

		@Override
		void register(Worker worker, TemporalImplementation implementation, BeanFactory beanFactory,
				Function<Class<?>, WorkflowImplementationOptions> workflowOptions) {
			WorkflowImplementationOptions options = workflowOptions.apply(implementation.type());
			// with the options it is registered with, customizers included: a stub without options takes only these
			ActivityTimeouts.require(implementation, worker.getTaskQueue(), options);
			if (implementation.isDynamic()) {
				// the SDK takes a factory for DynamicWorkflow as for any interface: one Spring instance per execution
				registerFactory(worker, DynamicWorkflow.class, implementation.beanName(), beanFactory, options);
				return;
			}
			for (POJOWorkflowInterfaceMetadata workflowInterface : workflowInterfaces(implementation.type())) {
				requireVersioningBehavior(worker, implementation, workflowInterface);
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

		/**
		 * The SDK refuses a workflow class without a versioning behaviour on a versioned worker without a default
		 * one, but only for classes it instantiates itself: it cannot look into a factory. We can, so a Spring
		 * workflow bean fails at startup as a plain class would, not at its first workflow task.
		 */
		private static void requireVersioningBehavior(Worker worker, TemporalImplementation implementation,
				POJOWorkflowInterfaceMetadata workflowInterface) {
			WorkerDeploymentOptions deployment = worker.getWorkerOptions().getDeploymentOptions();
			if (deployment == null || !deployment.isUsingVersioning()
					|| deployment.getDefaultVersioningBehavior() != VersioningBehavior.UNSPECIFIED) {
				return;
			}
			POJOWorkflowMethodMetadata method = workflowInterface.getWorkflowMethod().orElseThrow();
			if (POJOWorkflowImplMetadata.getVersioningBehaviorForMethod(implementation.type(), method) == null) {
				String queue = worker.getTaskQueue();
				throw new WorkerConfigurationException(StringUtils.capitalize(implementation.describe())
						+ " runs workflow type '" + method.getName() + "' on task queue '" + queue
						+ "', whose worker uses versioning, but its method " + method.getWorkflowMethod().getName()
						+ " has no @WorkflowVersioningBehavior and the worker has no default versioning behaviour.",
						"Annotate the workflow method in " + ClassUtils.getUserClass(implementation.type()).getSimpleName()
								+ " with @WorkflowVersioningBehavior(VersioningBehavior.PINNED) or AUTO_UPGRADE, or set "
								+ "temporal.workers.<name>.deployment.default-versioning-behavior (or the same under "
								+ "temporal.worker-defaults).");
			}
		}

		private static <T> void registerFactory(Worker worker, Class<T> workflowInterface, String beanName,
				BeanFactory beanFactory, WorkflowImplementationOptions options) {
			worker.registerWorkflowImplementationFactory(workflowInterface,
					() -> beanFactory.getBean(beanName, workflowInterface), options);
		}

	},

	/** An {@link ActivityImpl} bean: a singleton, registered as Spring exposes it (proxy included). */
	ACTIVITY(ActivityImpl.class, "activities", "activity type", "@ActivityInterface") {

		@Override
		String[] declaredTaskQueues(Annotation annotation) {
			return ((ActivityImpl) annotation).taskQueues();
		}

		@Override
		String[] declaredNamespaces(Annotation annotation) {
			return ((ActivityImpl) annotation).namespaces();
		}

		@Override
		boolean isEnabledOn(WorkerProperties worker) {
			return worker.runsActivities();
		}

		@Override
		List<String> readTypeNames(Class<?> type) {
			if (DynamicActivity.class.isAssignableFrom(type)) {
				return List.of(DYNAMIC_TYPE);
			}
			return POJOActivityImplMetadata.newInstance(MockedActivities.readableType(type))
				.getActivityMethods()
				.stream()
				.map(POJOActivityMethodMetadata::getActivityTypeName)
				.toList();
		}

		@Override
		void register(Worker worker, TemporalImplementation implementation, BeanFactory beanFactory,
				Function<Class<?>, WorkflowImplementationOptions> workflowOptions) {
			worker.registerActivitiesImplementations(
					MockedActivities.registrable(beanFactory.getBean(implementation.beanName())));
		}

	},

	/**
	 * A {@link NexusServiceImpl} bean: a singleton carrying the Nexus SDK's {@code @ServiceImpl}. Nexus tasks have
	 * their own poller on every SDK worker, so neither the {@code workflows} nor the {@code activities} switch
	 * applies.
	 */
	NEXUS_SERVICE(NexusServiceImpl.class, null, "Nexus service", "@io.nexusrpc.Service") {

		@Override
		String[] declaredTaskQueues(Annotation annotation) {
			return ((NexusServiceImpl) annotation).taskQueues();
		}

		@Override
		String[] declaredNamespaces(Annotation annotation) {
			return ((NexusServiceImpl) annotation).namespaces();
		}

		@Override
		boolean isEnabledOn(WorkerProperties worker) {
			return true;
		}

		@Override
		List<String> readTypeNames(Class<?> type) {
			// read from the class, as the SDK does, without asking the bean for its operation handlers yet
			Class<?> userClass = ClassUtils.getUserClass(type);
			ServiceImpl serviceImpl = userClass.getDeclaredAnnotation(ServiceImpl.class);
			if (serviceImpl == null) {
				throw new IllegalArgumentException("the class has no @io.nexusrpc.handler.ServiceImpl annotation");
			}
			try {
				return List.of(ServiceDefinition.fromClass(serviceImpl.service()).getName());
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("its @ServiceImpl(service = " + serviceImpl.service().getName()
						+ ".class) is not a valid Nexus service interface: " + ex.getMessage(), ex);
			}
		}

		@Override
		String validImplementationFix(String className) {
			return "Annotate " + className + " with @io.nexusrpc.handler.ServiceImpl(service = X.class), where X is an "
					+ "interface annotated @io.nexusrpc.Service, and give it one public @OperationImpl method per "
					+ "operation; or remove @NexusServiceImpl.";
		}

		@Override
		void register(Worker worker, TemporalImplementation implementation, BeanFactory beanFactory,
				Function<Class<?>, WorkflowImplementationOptions> workflowOptions) {
			Object bean = beanFactory.getBean(implementation.beanName());
			try {
				worker.registerNexusServiceImplementation(unproxied(bean));
			}
			catch (RuntimeException ex) {
				// the SDK checks the operation handlers only now, on the instance
				String className = ClassUtils.getUserClass(implementation.type()).getSimpleName();
				throw new WorkerConfigurationException(
						StringUtils.capitalize(implementation.describe()) + " is annotated @NexusServiceImpl, and the "
								+ "Nexus SDK refuses it: " + describe(ex),
						validImplementationFix(className), ex);
			}
		}

		/**
		 * The SDK reads {@code @ServiceImpl} from the instance's own class, which a CGLIB proxy does not carry.
		 * Advice would not run anyway: the SDK calls the operation handlers the {@code @OperationImpl} methods
		 * return, not the bean's methods.
		 */
		private static Object unproxied(Object bean) {
			Object target = bean;
			for (Object next = AopProxyUtils.getSingletonTarget(target); next != null;
					next = AopProxyUtils.getSingletonTarget(next)) {
				target = next;
			}
			return target;
		}

		private static String describe(Throwable ex) {
			StringBuilder message = new StringBuilder(String.valueOf(ex.getMessage()));
			for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
				message.append(": ").append(cause.getMessage());
			}
			return message.toString();
		}

	};

	/**
	 * The type name under which a dynamic implementation ({@code DynamicWorkflow}, {@code DynamicActivity}) is listed:
	 * it serves every type of its kind that the worker has no implementation for.
	 */
	public static final String DYNAMIC_TYPE = "(dynamic)";

	private final Class<? extends Annotation> annotationType;

	private final @Nullable String workerSwitch;

	private final String typeLabel;

	private final String interfaceAnnotation;

	ImplementationKind(Class<? extends Annotation> annotationType, @Nullable String workerSwitch, String typeLabel,
			String interfaceAnnotation) {
		this.annotationType = annotationType;
		this.workerSwitch = workerSwitch;
		this.typeLabel = typeLabel;
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

	/**
	 * The worker property that turns this kind off ({@code workflows} or {@code activities}); none for Nexus
	 * services, which {@link #isEnabledOn} every worker.
	 */
	@Nullable String workerSwitch() {
		return this.workerSwitch;
	}

	/**
	 * How messages name one registered type of this kind, e.g. "activity type".
	 * @return the label
	 */
	public String typeLabel() {
		return this.typeLabel;
	}

	/** The SDK annotation the implementation's interfaces must carry. */
	String interfaceAnnotation() {
		return this.interfaceAnnotation;
	}

	/**
	 * The SDK interface of a dynamic implementation of this kind, for messages.
	 * @return DynamicWorkflow, DynamicActivity, or null for Nexus services
	 */
	public @Nullable String dynamicInterface() {
		return switch (this) {
			case WORKFLOW -> "DynamicWorkflow";
			case ACTIVITY -> "DynamicActivity";
			case NEXUS_SERVICE -> null;
		};
	}

	/**
	 * The worker property that names beans of this kind in configuration ({@code temporal.workers.<name>.*}).
	 * @return workflow-beans, activity-beans or nexus-service-beans
	 */
	String beansProperty() {
		return switch (this) {
			case WORKFLOW -> "workflow-beans";
			case ACTIVITY -> "activity-beans";
			case NEXUS_SERVICE -> "nexus-service-beans";
		};
	}

	/**
	 * The beans of this kind that a worker entry names in configuration.
	 * @param worker the worker's properties
	 * @return the bean names, in configuration order
	 */
	List<String> beansNamedBy(WorkerProperties worker) {
		return switch (this) {
			case WORKFLOW -> worker.workflowBeans();
			case ACTIVITY -> worker.activityBeans();
			case NEXUS_SERVICE -> worker.nexusServiceBeans();
		};
	}

	/** What to do when {@link #readTypeNames} refuses the class. */
	String validImplementationFix(String className) {
		return "Make " + className + " implement an interface annotated " + this.interfaceAnnotation
				+ ((dynamicInterface() != null) ? " (or the SDK's " + dynamicInterface() + ")" : "") + ", or remove "
				+ annotationName() + ".";
	}

	abstract String[] declaredTaskQueues(Annotation annotation);

	abstract String[] declaredNamespaces(Annotation annotation);

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
