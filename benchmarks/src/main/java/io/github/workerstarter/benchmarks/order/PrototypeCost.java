package io.github.workerstarter.benchmarks.order;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

/**
 * CPU time of one prototype creation in a live context: the starter's only per-workflow work (its workflow factory
 * is {@code () -> beanFactory.getBean(name, type)}). Timed on the calling thread's CPU clock, so other processes on
 * the machine do not inflate it.
 */
final class PrototypeCost {

	private static final int WARMUP = 20_000;

	private static final int MEASURED = 50_000;

	private PrototypeCost() {
	}

	/** @return microseconds of CPU per {@code getBean} of a prototype */
	static double microsPerInstance(GenericApplicationContext context) {
		context.registerBean(PrototypeProbe.class, (definition) -> definition.setScope(BeanDefinition.SCOPE_PROTOTYPE));
		BeanFactory beanFactory = context;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sink = 0;
		for (int i = 0; i < WARMUP; i++) {
			sink += beanFactory.getBean(PrototypeProbe.class).size();
		}
		long started = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < MEASURED; i++) {
			sink += beanFactory.getBean(PrototypeProbe.class).size();
		}
		long cpu = threads.getCurrentThreadCpuTime() - started;
		return (sink >= 0) ? cpu / 1e3 / MEASURED : Double.NaN;
	}

}
