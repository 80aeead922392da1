package io.github.workerstarter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Marks a Temporal activity implementation. The bean is an ordinary singleton (injection, {@code @Transactional}
 * and other proxies work): the bean as Spring exposes it, proxy included, is registered on the worker of each
 * task queue it names, and its {@code @ActivityInterface}s are found through the proxy.
 *
 * <p>Queue rule: as for {@link WorkflowImpl#taskQueues()}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ActivityImpl {

	/**
	 * Task queues whose workers run this activity implementation. Placeholders are resolved; a value with commas
	 * names several queues.
	 * @return the task queue names, empty for the default queue
	 */
	String[] taskQueues() default {};


	/**
	 * Aliases of the namespaces whose workers of the named task queues run this implementation: {@code main} for the
	 * main namespace ({@code temporal.namespace}), or keys of {@code temporal.namespaces}. Empty: every namespace in
	 * which a worker polls one of the queues.
	 * @return the namespace aliases, empty for all
	 */
	String[] namespaces() default {};

}
