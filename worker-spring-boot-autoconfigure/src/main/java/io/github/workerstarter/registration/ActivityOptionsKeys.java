package io.github.workerstarter.registration;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.util.ClassUtils;

import io.github.workerstarter.diagnostics.DidYouMean;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.activity.ActivityInterface;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;

/**
 * Checks the keys of {@code temporal.activities.<ActivityType>} against the activity types this application knows,
 * because a misspelt key would make the retry policy and timeouts silently not apply. Known types: those of the
 * registered activity implementations, and those the application's workflows call, found in the workflow classes'
 * bytecode (the {@code @ActivityInterface} classes they pass to {@code Workflow.newActivityStub}, and string
 * constants, which cover untyped stubs). A near miss fails startup with "did you mean"; a key that matches nothing
 * known is only a warning, since activities may run in another application.
 */
final class ActivityOptionsKeys {

	private static final Log logger = LogFactory.getLog(ActivityOptionsKeys.class);

	private ActivityOptionsKeys() {
	}

	static void check(Collection<String> keys, List<TemporalImplementation> implementations) {
		if (keys.isEmpty()) {
			return;
		}
		Set<String> known = new TreeSet<>();
		Set<String> constants = new HashSet<>();
		collect(implementations, known, constants);
		for (String key : keys) {
			if (known.contains(key) || constants.contains(key)) {
				continue;
			}
			String suggestion = DidYouMean.suggestion(key, known);
			if (!suggestion.isEmpty()) {
				throw new WorkerConfigurationException("Property group temporal.activities." + key + " names activity "
						+ "type '" + key + "', which no activity implementation or workflow of this application uses, "
						+ "so its options would silently not apply. Known activity types: " + known + ".",
						"Correct the key (activity type names are case-sensitive)." + suggestion);
			}
			logger.warn("temporal.activities." + key + " names activity type '" + key + "', which no activity "
					+ "implementation or workflow of this application uses; its options apply only if a workflow "
					+ "here calls that type by a name built at run time. Known activity types: " + known + ".");
		}
	}

	// typed: the activity types of implementations and interfaces; constants: strings in workflow code (untyped
	// stubs name their types so), accepted as they are but never suggested
	private static void collect(List<TemporalImplementation> implementations, Set<String> typed, Set<String> constants) {
		for (TemporalImplementation implementation : implementations) {
			if (implementation.kind() == ImplementationKind.ACTIVITY && !implementation.isDynamic()) {
				typed.addAll(implementation.typeNames());
			}
			else if (implementation.kind() == ImplementationKind.WORKFLOW) {
				calledBy(ClassUtils.getUserClass(implementation.type()), typed, constants);
			}
		}
	}

	/** Activity types a workflow class refers to: through activity interfaces, or as string constants. */
	private static void calledBy(Class<?> workflowClass, Set<String> types, Set<String> strings) {
		ClassLoader classLoader = workflowClass.getClassLoader();
		Deque<String> pending = new ArrayDeque<>();
		Set<String> seen = new HashSet<>();
		for (Class<?> c = workflowClass; c != null && c != Object.class; c = c.getSuperclass()) {
			pending.add(c.getName());
		}
		while (!pending.isEmpty()) {
			String className = pending.poll();
			if (!seen.add(className)) {
				continue;
			}
			ConstantsCollector constants = read(classLoader, className);
			if (constants == null) {
				continue;
			}
			strings.addAll(constants.strings);
			pending.addAll(constants.nestedClasses);
			for (String referenced : constants.classes) {
				types.addAll(activityTypesOf(referenced, classLoader));
			}
		}
	}

	private static List<String> activityTypesOf(String className, ClassLoader classLoader) {
		try {
			Class<?> type = ClassUtils.forName(className, classLoader);
			if (!type.isInterface() || !type.isAnnotationPresent(ActivityInterface.class)) {
				return List.of();
			}
			return POJOActivityInterfaceMetadata.newInstance(type)
				.getMethodsMetadata()
				.stream()
				.map(POJOActivityMethodMetadata::getActivityTypeName)
				.toList();
		}
		catch (ClassNotFoundException | LinkageError | RuntimeException ex) {
			return List.of();
		}
	}

	private static ConstantsCollector read(ClassLoader classLoader, String className) {
		String resource = ClassUtils.convertClassNameToResourcePath(className) + ClassUtils.CLASS_FILE_SUFFIX;
		try (InputStream in = (classLoader != null) ? classLoader.getResourceAsStream(resource)
				: ClassLoader.getSystemResourceAsStream(resource)) {
			if (in == null) {
				return null;
			}
			ConstantsCollector collector = new ConstantsCollector(className);
			new ClassReader(in).accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			return collector;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The class and string constants a class loads ({@code X.class}, {@code "name"}) and its nested classes. */
	private static final class ConstantsCollector extends ClassVisitor {

		private final String internalName;

		private final Set<String> classes = new HashSet<>();

		private final Set<String> strings = new HashSet<>();

		private final Set<String> nestedClasses = new HashSet<>();

		ConstantsCollector(String className) {
			super(SpringAsmInfo.ASM_VERSION);
			this.internalName = className.replace('.', '/');
		}

		@Override
		public void visitInnerClass(String name, String outerName, String innerName, int access) {
			// member classes (outerName is this class) and anonymous ones (named this class + $n)
			if (this.internalName.equals(outerName) || (outerName == null && name.startsWith(this.internalName + "$"))) {
				this.nestedClasses.add(name.replace('/', '.'));
			}
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
				@Override
				public void visitLdcInsn(Object value) {
					if (value instanceof Type type && type.getSort() == Type.OBJECT) {
						ConstantsCollector.this.classes.add(type.getClassName());
					}
					else if (value instanceof String string) {
						ConstantsCollector.this.strings.add(string);
					}
				}
			};
		}

	}

}
