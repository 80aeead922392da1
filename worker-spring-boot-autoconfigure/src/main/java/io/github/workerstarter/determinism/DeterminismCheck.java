package io.github.workerstarter.determinism;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.asm.Type;

/**
 * The determinism check of workflow implementations: a bytecode analysis of the code each one can run (see
 * {@link WorkflowWalk}) against the {@link HazardCatalogue}, with the exceptions of {@code @AllowNondeterminism} and a
 * list of allowed methods and APIs. Plain inputs, no Spring context: the auto-configuration, Spring AOT processing and
 * tests call it alike. Class files are read once per check, whatever the number of workflows.
 */
public final class DeterminismCheck {

	private final ClassLoader classLoader;

	private final Collection<String> applicationPackages;

	private final List<String> allowed;

	private final ImplementationLookup implementations;

	/**
	 * A check.
	 * @param classLoader where the application's class files and libraries are found
	 * @param applicationPackages the application's packages (dotted); the packages of the workflow classes are added.
	 * Code outside them is a library: never followed, only matched against the known hazards
	 * @param allowed entries of {@code temporal.workflows.determinism-allowed}: {@code Class#member} or {@code Class}
	 * @param implementations the classes that implement an interface or abstract class the workflow code calls
	 */
	public DeterminismCheck(ClassLoader classLoader, Collection<String> applicationPackages, List<String> allowed,
			ImplementationLookup implementations) {
		this.classLoader = classLoader;
		this.applicationPackages = List.copyOf(applicationPackages);
		this.allowed = List.copyOf(allowed);
		this.implementations = implementations;
	}

	/**
	 * Checks workflow implementations.
	 * @param workflows the implementations, with their types and queues
	 * @return the findings of each
	 */
	public DeterminismReport check(List<WorkflowUnderCheck> workflows) {
		long started = System.nanoTime();
		long startedCpu = threadCpuNanos();
		Set<String> packages = new LinkedHashSet<>(this.applicationPackages);
		for (WorkflowUnderCheck workflow : workflows) {
			packages.add(workflow.implementation().getPackageName());
		}
		ApplicationClasses classes = new ApplicationClasses(this.classLoader, packages);
		HazardCatalogue catalogue = new HazardCatalogue(classes);
		AllowList allowList = new AllowList(this.allowed);
		BeanTypes beans = new BeanTypes(classes);
		List<DeterminismReport.WorkflowResult> results = new ArrayList<>();
		for (WorkflowUnderCheck workflow : workflows) {
			results.add(new WorkflowWalk(workflow, classes, catalogue, allowList, beans).run());
		}
		return new DeterminismReport(results, classes.classesRead(), Duration.ofNanos(System.nanoTime() - started),
				Duration.ofNanos(Math.max(0, threadCpuNanos() - startedCpu)), allowList.unused());
	}

	private static long threadCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
	}

	/** The application classes of the beans of a type, asked once per type and check. */
	private final class BeanTypes implements Function<String, List<String>> {

		private final ApplicationClasses classes;

		private final Map<String, List<String>> known = new HashMap<>();

		BeanTypes(ApplicationClasses classes) {
			this.classes = classes;
		}

		@Override
		public List<String> apply(String type) {
			List<String> found = this.known.get(type);
			if (found == null) {
				found = implementationsOf(type);
				this.known.put(type, found);
			}
			return found;
		}

		private List<String> implementationsOf(String type) {
			Class<?> loaded = this.classes.load(type);
			List<String> found = new ArrayList<>();
			if (loaded == null) {
				return found;
			}
			try {
				for (Class<?> implementation : DeterminismCheck.this.implementations.implementationsOf(loaded)) {
					String name = Type.getInternalName(implementation);
					if (this.classes.isApplication(name)) {
						found.add(name);
					}
				}
			}
			catch (RuntimeException | LinkageError unknown) {
				// no implementations known: the call reaches default methods and classes created in workflow code
			}
			return found;
		}

	}

}
