package io.github.workerstarter.benchmarks.determinism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Writes and compiles (javac, with debug information as Maven compiles) a workflow implementation whose call graph
 * reaches a given number of application classes: {@code WideWorkflowImpl.run} calls {@code Step000.run}, and each
 * {@code StepN} calls the next two steps of a binary tree, creates an instance of itself and calls its methods, which
 * use collections, streams, string building and a static map, as ordinary helper code does. All of it deterministic,
 * so the check walks every method and finds nothing.
 */
public final class WideCallGraph {

	/** The package of the generated classes, under the benchmark application's, so it counts as the application's. */
	public static final String PACKAGE = "io.github.workerstarter.benchmarks.determinism.wide";

	public static final String WORKFLOW_CLASS = PACKAGE + ".WideWorkflowImpl";

	private WideCallGraph() {
	}

	/**
	 * Generates and compiles the classes.
	 * @param steps number of helper classes (the workflow class comes on top)
	 * @param directory where the class files go (a class path entry)
	 * @param classpath the class path to compile against (the starter, the SDK)
	 * @return the directory
	 */
	public static Path generate(int steps, Path directory, String classpath) {
		try {
			Path sources = directory.resolveSibling(directory.getFileName() + "-sources");
			Path packageDirectory = sources.resolve(PACKAGE.replace('.', '/'));
			Files.createDirectories(packageDirectory);
			Files.createDirectories(directory);
			List<String> arguments = new ArrayList<>(List.of("-g", "-proc:none", "-nowarn", "--release", "17", "-d",
					directory.toString(), "-classpath", classpath));
			arguments.add(write(packageDirectory, "WideWorkflowImpl", workflow()));
			for (int step = 0; step < steps; step++) {
				arguments.add(write(packageDirectory, name(step), step(step, steps)));
			}
			JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
			if (javac == null || javac.run(null, null, System.err, arguments.toArray(String[]::new)) != 0) {
				throw new IllegalStateException("Could not compile the generated call graph in " + sources);
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String write(Path directory, String className, String source) throws IOException {
		Path file = directory.resolve(className + ".java");
		Files.writeString(file, source);
		return file.toString();
	}

	private static String workflow() {
		return """
				package %s;

				import io.github.workerstarter.annotation.WorkflowImpl;
				import io.github.workerstarter.benchmarks.determinism.WideWorkflow;

				@WorkflowImpl(taskQueues = "${bench.queue}")
				public class WideWorkflowImpl implements WideWorkflow {

					@Override
					public String run(String input) {
						return input + ":" + Step000.run(input.length());
					}

				}
				""".formatted(PACKAGE);
	}

	private static String step(int step, int steps) {
		StringBuilder calls = new StringBuilder();
		for (int child : new int[] { 2 * step + 1, 2 * step + 2 }) {
			if (child < steps) {
				calls.append("\t\ttotal += ").append(name(child)).append(".run((x + ").append(child).append(") % 97);\n");
			}
		}
		return """
				package %1$s;

				import java.util.ArrayList;
				import java.util.List;
				import java.util.Map;

				final class %2$s {

					private static final Map<String, Integer> WEIGHTS = Map.of("light", 1, "heavy", %3$d);

					private final List<String> trail = new ArrayList<>();

					static int run(int x) {
						int total = x;
				%4$s		return total + new %2$s().apply(total);
					}

					int apply(int x) {
						this.trail.add("%2$s:" + x);
						return helper(x) + this.trail.stream().mapToInt(String::length).sum()
								+ WEIGHTS.getOrDefault("heavy", 0);
					}

					private int helper(int x) {
						StringBuilder text = new StringBuilder();
						for (String entry : List.of("a", "b", "c")) {
							text.append(entry).append(x);
						}
						return Math.max(x, text.length()) %% 1000;
					}

				}
				""".formatted(PACKAGE, name(step), step, calls);
	}

	private static String name(int step) {
		return String.format("Step%03d", step);
	}

}
