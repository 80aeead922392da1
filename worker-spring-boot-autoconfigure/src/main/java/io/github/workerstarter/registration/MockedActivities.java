package io.github.workerstarter.registration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;

import org.springframework.util.ClassUtils;

import io.temporal.activity.ActivityInterface;

/**
 * A Mockito mock of an activity interface ({@code @MockitoBean PaymentActivities}, or a {@code @Primary} bean
 * returning {@code mock(PaymentActivities.class)}) copies the interface's {@code @ActivityMethod} annotations onto
 * its generated class, and the SDK refuses those on a class. Such a mock is handed to the SDK behind a JDK proxy of
 * its activity interfaces, which calls the mock: {@code verify} and stubbing work as on the mock itself. Everything
 * else is registered as it is, so an invalid class of the application still gets the SDK's own error.
 */
final class MockedActivities {

	// Mockito names every class it generates for a mock this way (subclass and inline mock makers alike)
	private static final String MOCK_CLASS_MARKER = "$MockitoMock$";

	private MockedActivities() {
	}

	/**
	 * The class the SDK should read activity types from.
	 * @param type the bean's class
	 * @return the class itself, or for a mock of interfaces a proxy class of them
	 */
	static Class<?> readableType(Class<?> type) {
		return isInterfaceMock(type) ? proxy(type, (proxy, method, args) -> null).getClass() : type;
	}

	/**
	 * The instance to register on a worker.
	 * @param bean the activity bean
	 * @return the bean itself, or for a mock of interfaces a proxy that calls it
	 */
	static Object registrable(Object bean) {
		if (!isInterfaceMock(bean.getClass())) {
			return bean;
		}
		return proxy(bean.getClass(), (proxy, method, args) -> {
			try {
				return method.invoke(bean, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		});
	}

	// a mock of a class (@MockitoBean PaymentActivitiesImpl) carries no method annotations and registers as it is
	private static boolean isInterfaceMock(Class<?> type) {
		return type.getName().contains(MOCK_CLASS_MARKER) && type.getSuperclass() == Object.class
				&& activityInterfaces(type).length > 0;
	}

	private static Object proxy(Class<?> mockType, InvocationHandler handler) {
		Class<?>[] interfaces = activityInterfaces(mockType);
		return Proxy.newProxyInstance(interfaces[0].getClassLoader(), interfaces, handler);
	}

	private static Class<?>[] activityInterfaces(Class<?> type) {
		return Arrays.stream(ClassUtils.getAllInterfacesForClass(type))
			.filter((candidate) -> candidate.isAnnotationPresent(ActivityInterface.class))
			.toArray(Class<?>[]::new);
	}

}
