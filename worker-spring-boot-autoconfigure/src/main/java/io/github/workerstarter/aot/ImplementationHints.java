package io.github.workerstarter.aot;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.registration.ImplementationKind;
import io.github.workerstarter.registration.NonConcreteAnnotatedTypes;
import io.nexusrpc.handler.ServiceImpl;
import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;

/**
 * Runtime hints for the annotated beans, from the SDK's own metadata of each class, so a native image has what the
 * SDK reflects on at run time:
 * <ul>
 * <li>the implementation classes and their interfaces, whose methods the SDK reads and invokes reflectively
 * (workflow, signal, query and update methods on the instance Spring builds; activity methods on the bean; Nexus
 * {@code @OperationImpl} methods);</li>
 * <li>the JDK proxies the SDK creates for these interfaces: client and child workflow stubs
 * ({@code Proxy.newProxyInstance} with {@code StubMarker} and {@code AsyncMarker}), activity stubs in workflow code,
 * Nexus service stubs, and the method-capturing proxies behind {@code Async.function}/{@code Workflow.newContinueAsNewStub};</li>
 * <li>the argument and result types of those methods, for the JSON payload converter (records, java.time values...).</li>
 * </ul>
 * An activity interface that this application only calls (implemented by another service) is not an annotated bean
 * here: its stub needs a hint of the application's own ({@code @RegisterReflectionForBinding} for its payloads and a
 * {@code RuntimeHintsRegistrar} for its proxy).
 */
final class ImplementationHints {

	private static final TypeReference STUB_MARKER = TypeReference.of("io.temporal.internal.sync.StubMarker");

	private static final TypeReference ASYNC_MARKER = TypeReference
		.of("io.temporal.internal.sync.AsyncInternal$AsyncMarker");

	private final BindingReflectionHintsRegistrar payloads = new BindingReflectionHintsRegistrar();

	private final RuntimeHints hints;

	private ImplementationHints(RuntimeHints hints) {
		this.hints = hints;
	}

	static @Nullable BeanFactoryInitializationAotContribution contribution(ConfigurableListableBeanFactory beanFactory) {
		// once here at build time, with the same classes the application will have
		NonConcreteAnnotatedTypes.reject(beanFactory);
		Set<Class<?>> workflows = annotatedTypes(beanFactory, ImplementationKind.WORKFLOW);
		Set<Class<?>> activities = annotatedTypes(beanFactory, ImplementationKind.ACTIVITY);
		Set<Class<?>> nexusServices = annotatedTypes(beanFactory, ImplementationKind.NEXUS_SERVICE);
		if (workflows.isEmpty() && activities.isEmpty() && nexusServices.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ImplementationHints registrar = new ImplementationHints(generationContext.getRuntimeHints());
			workflows.forEach(registrar::workflow);
			activities.forEach(registrar::activity);
			nexusServices.forEach(registrar::nexusService);
		};
	}

	private static Set<Class<?>> annotatedTypes(ConfigurableListableBeanFactory beanFactory, ImplementationKind kind) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (String beanName : beanFactory.getBeanNamesForAnnotation(kind.annotationType())) {
			Class<?> type = beanFactory.getType(beanName);
			if (type != null) {
				types.add(ClassUtils.getUserClass(type));
			}
		}
		return types;
	}

	void workflow(Class<?> implementation) {
		List<POJOWorkflowInterfaceMetadata> interfaces;
		try {
			interfaces = POJOWorkflowImplMetadata.newInstanceForWorkflowFactory(implementation).getWorkflowInterfaces();
		}
		catch (RuntimeException invalid) {
			// the application fails at startup, naming the bean and the fix (ImplementationFinder)
			return;
		}
		invokable(implementation);
		for (POJOWorkflowInterfaceMetadata workflowInterface : interfaces) {
			Class<?> type = workflowInterface.getInterfaceClass();
			interfaceWithSuperInterfaces(type);
			// client stubs, child and external workflow stubs, continue-as-new stubs and method references
			this.hints.proxies().registerJdkProxy(TypeReference.of(type), STUB_MARKER);
			this.hints.proxies().registerJdkProxy(TypeReference.of(type), STUB_MARKER, ASYNC_MARKER);
			this.hints.proxies().registerJdkProxy(type);
			for (POJOWorkflowMethodMetadata method : workflowInterface.getMethodsMetadata()) {
				payloads(method.getWorkflowMethod());
			}
		}
	}

	void activity(Class<?> implementation) {
		List<POJOActivityInterfaceMetadata> interfaces;
		try {
			interfaces = POJOActivityImplMetadata.newInstance(implementation).getActivityInterfaces();
		}
		catch (RuntimeException invalid) {
			return;
		}
		invokable(implementation);
		for (POJOActivityInterfaceMetadata activityInterface : interfaces) {
			Class<?> type = activityInterface.getInterfaceClass();
			interfaceWithSuperInterfaces(type);
			// activity stubs in workflow code, and method references for Async.function
			this.hints.proxies().registerJdkProxy(TypeReference.of(type), ASYNC_MARKER);
			this.hints.proxies().registerJdkProxy(type);
			for (POJOActivityMethodMetadata method : activityInterface.getMethodsMetadata()) {
				payloads(method.getMethod());
			}
		}
	}

	void nexusService(Class<?> implementation) {
		ServiceImpl serviceImpl = implementation.getDeclaredAnnotation(ServiceImpl.class);
		if (serviceImpl == null) {
			return;
		}
		// the Nexus SDK finds the @OperationImpl methods and calls them reflectively
		invokable(implementation);
		Class<?> service = serviceImpl.service();
		interfaceWithSuperInterfaces(service);
		// Nexus service stubs in workflow code
		this.hints.proxies().registerJdkProxy(TypeReference.of(service), STUB_MARKER, ASYNC_MARKER);
		for (Method operation : service.getMethods()) {
			payloads(operation);
		}
	}

	private void invokable(Class<?> type) {
		this.hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

	private void interfaceWithSuperInterfaces(Class<?> type) {
		invokable(type);
		for (Class<?> superInterface : ClassUtils.getAllInterfacesForClassAsSet(type)) {
			invokable(superInterface);
		}
	}

	private void payloads(Method method) {
		this.payloads.registerReflectionHints(this.hints.reflection(), method.getGenericReturnType());
		this.payloads.registerReflectionHints(this.hints.reflection(), method.getGenericParameterTypes());
	}

}
