package io.github.workerstarter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Marks a Temporal workflow implementation class. The class is picked up by component scanning and registered
 * on the worker of each task queue it names.
 *
 * <p>The bean is <em>prototype</em>-scoped: the SDK asks for a new instance for every workflow execution and
 * Spring creates it, so constructor and field injection work. Workflow code must stay deterministic: inject
 * only values that do not change between replays (configuration values, {@code @ConfigurationProperties}
 * records, pure helpers). Anything that does I/O belongs in an activity.
 *
 * <p>Queue rule: {@link #taskQueues()} names the queues (each must be configured under
 * {@code temporal.workers}); {@code ${...}} placeholders are resolved. With no queue named, the class goes to
 * {@code temporal.default-task-queue}, or to the only configured queue when exactly one is configured.
 *
 * <p>Worker Deployment Versioning: the SDK's {@code @WorkflowVersioningBehavior} on the workflow method works as on
 * a plain class (the SDK reads it from the class of the instance Spring builds). On a worker with
 * {@code deployment.use-versioning} and no {@code default-versioning-behavior}, a workflow method without it fails
 * startup.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface WorkflowImpl {

	/**
	 * Task queues whose workers run this workflow. Placeholders such as {@code ${ORDER_TASK_QUEUE:orders}} are
	 * resolved against the environment; a value with commas names several queues ({@code ${app.queues}} with
	 * {@code app.queues=orders-eu,orders-us}).
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
