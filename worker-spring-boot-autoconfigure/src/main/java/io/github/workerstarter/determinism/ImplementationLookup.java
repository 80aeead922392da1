package io.github.workerstarter.determinism;

import java.util.List;

/**
 * Which classes implement an interface or abstract class that workflow code calls: in an application, the beans of
 * that type, so that a call on an injected {@code PaymentGateway} is followed into the class Spring injects.
 */
@FunctionalInterface
public interface ImplementationLookup {

	/** Knows no implementations: a call on an interface reaches its default methods and the classes created in code. */
	ImplementationLookup NONE = (type) -> List.of();

	/**
	 * The concrete classes known to implement a type.
	 * @param type an interface or abstract class of the application
	 * @return its implementations (others are ignored)
	 */
	List<Class<?>> implementationsOf(Class<?> type);

}
