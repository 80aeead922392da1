package io.github.workerstarter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * Marks a Nexus service implementation to run on Temporal workers. The class must also carry the Nexus SDK's
 * {@code @io.nexusrpc.handler.ServiceImpl(service = ...)} naming its {@code @io.nexusrpc.Service} interface, with
 * one public {@code @OperationImpl} method per operation returning an {@code OperationHandler}.
 *
 * <p>The bean is an ordinary singleton (constructor injection works; the operation handlers it returns may use
 * the injected beans). It is registered on the worker of each task queue it names. A Nexus endpoint whose target
 * is that task queue routes operations to it; endpoints are created on the server (operator API, CLI or Cloud UI),
 * not by the starter.
 *
 * <p>Nexus tasks are a third kind of task that every SDK worker polls on its own, next to workflow and activity
 * tasks: a Nexus service may be registered on any configured worker, whatever its {@code workflows} and
 * {@code activities} switches say.
 *
 * <p>Queue rule: as for {@link WorkflowImpl#taskQueues()}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface NexusServiceImpl {

	/**
	 * Task queues whose workers run this Nexus service. Placeholders are resolved; a value with commas names
	 * several queues.
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
