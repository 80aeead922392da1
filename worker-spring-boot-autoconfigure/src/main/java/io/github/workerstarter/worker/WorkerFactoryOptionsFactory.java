package io.github.workerstarter.worker;

import java.util.List;

import org.springframework.boot.context.properties.PropertyMapper;

import io.github.workerstarter.config.TemporalProperties;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.WorkerFactoryOptions;

/**
 * The worker factory's options: every {@link WorkerInterceptor} bean (the starter's in-flight counting included), the
 * workflow cache and its threads from properties, then the customizers. The worker auto-configuration builds its factory from them,
 * and so does whatever creates the factory in its stead (the test module's {@code TestWorkflowEnvironment}).
 */
public final class WorkerFactoryOptionsFactory {

	private WorkerFactoryOptionsFactory() {
	}

	/**
	 * Builds the options.
	 * @param properties the starter's properties
	 * @param interceptors the worker interceptor beans, in order
	 * @param customizers the customizer beans, in order
	 * @return the options
	 */
	public static WorkerFactoryOptions create(TemporalProperties properties, List<WorkerInterceptor> interceptors,
			List<WorkerFactoryOptionsCustomizer> customizers) {
		return create(properties, VirtualThreadsDefault.resolve(null), interceptors, customizers);
	}

	/**
	 * Builds the options.
	 * @param properties the starter's properties
	 * @param virtualThreadsByDefault whether workflow threads are virtual unless
	 * {@code temporal.workflow-cache.virtual-threads} says otherwise ({@link VirtualThreadsDefault})
	 * @param interceptors the worker interceptor beans, in order
	 * @param customizers the customizer beans, in order
	 * @return the options
	 */
	public static WorkerFactoryOptions create(TemporalProperties properties, boolean virtualThreadsByDefault,
			List<WorkerInterceptor> interceptors, List<WorkerFactoryOptionsCustomizer> customizers) {
		WorkerFactoryOptions.Builder builder = WorkerFactoryOptions.newBuilder()
			.setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new));
		PropertyMapper map = PropertyMapper.get();
		map.from(properties.workflowCache()::maxInstances).to(builder::setWorkflowCacheSize);
		map.from(properties.workflowCache()::maxThreads).to(builder::setMaxWorkflowThreadCount);
		Boolean virtualThreads = properties.workflowCache().virtualThreads();
		if ((virtualThreads != null) ? virtualThreads : virtualThreadsByDefault) {
			builder.setUsingVirtualWorkflowThreads(true);
		}
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
