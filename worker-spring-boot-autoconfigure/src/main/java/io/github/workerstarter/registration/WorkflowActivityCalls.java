package io.github.workerstarter.registration;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.util.ClassUtils;

import io.temporal.activity.ActivityInterface;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;

/**
 * The activities a workflow class calls, read once per class from its bytecode (the class, its superclasses and its
 * nested and anonymous classes; code in other classes it calls is not read):
 * <ul>
 * <li>the activity types of the {@code @ActivityInterface}s it refers to ({@code X.class}, as
 * {@code Workflow.newActivityStub(X.class, ...)} passes them): certain calls;</li>
 * <li>its string constants, which cover untyped stubs ({@code stub.execute("PayOut", ...)}), but may be anything;</li>
 * <li>the activity types of the interfaces it passes to {@code Workflow.newActivityStub(Class)} alone, without
 * {@code ActivityOptions}: those calls get their timeouts from the registration's options only.</li>
 * </ul>
 * It also notes whether the code sets a task queue on activity options. The checks of {@code temporal.activities}
 * keys, of activities registered in another namespace or only on other task queues, and of activities without a
 * timeout all read this one scan.
 */
final class WorkflowActivityCalls {

	private static final String WORKFLOW = "io/temporal/workflow/Workflow";

	private static final String ACTIVITY_OPTIONS_BUILDER = "io/temporal/activity/ActivityOptions$Builder";

	private static final String STUB_WITHOUT_OPTIONS = "(Ljava/lang/Class;)Ljava/lang/Object;";

	private static final ClassValue<WorkflowActivityCalls> SCANNED = new ClassValue<>() {
		@Override
		protected WorkflowActivityCalls computeValue(Class<?> workflowClass) {
			return scan(workflowClass);
		}
	};

	private final Map<String, Class<?>> activityTypes;

	private final Set<String> constants;

	private final Map<String, Class<?>> withoutOptions;

	private final boolean setsTaskQueue;

	private WorkflowActivityCalls(Map<String, Class<?>> activityTypes, Set<String> constants,
			Map<String, Class<?>> withoutOptions, boolean setsTaskQueue) {
		this.activityTypes = Collections.unmodifiableMap(activityTypes);
		this.constants = Collections.unmodifiableSet(constants);
		this.withoutOptions = Collections.unmodifiableMap(withoutOptions);
		this.setsTaskQueue = setsTaskQueue;
	}

	/**
	 * What a workflow class calls (read once per class and kept with it).
	 * @param workflowClass the workflow implementation class (not a proxy)
	 * @return the calls found; none when its class files cannot be read (a native image)
	 */
	static WorkflowActivityCalls of(Class<?> workflowClass) {
		return SCANNED.get(ClassUtils.getUserClass(workflowClass));
	}

	/**
	 * Activity types called through activity interfaces.
	 * @return each type name with the interface that declares it
	 */
	Map<String, Class<?>> activityTypes() {
		return this.activityTypes;
	}

	/**
	 * String constants of the workflow's code: the names of activity types called through untyped stubs among them.
	 * @return every string constant
	 */
	Set<String> constants() {
		return this.constants;
	}

	/**
	 * Activity types called through stubs created without {@code ActivityOptions}.
	 * @return each type name with the interface passed to {@code Workflow.newActivityStub(Class)}
	 */
	Map<String, Class<?>> withoutOptions() {
		return this.withoutOptions;
	}

	/**
	 * Whether the workflow's code sets a task queue on activity options ({@code ActivityOptions.Builder.setTaskQueue}):
	 * without it, its activities run on its own task queue unless configured options say otherwise.
	 * @return whether a call to {@code setTaskQueue} was seen
	 */
	boolean setsTaskQueue() {
		return this.setsTaskQueue;
	}

	private static WorkflowActivityCalls scan(Class<?> workflowClass) {
		ClassLoader classLoader = workflowClass.getClassLoader();
		Map<String, Class<?>> activityTypes = new LinkedHashMap<>();
		Set<String> constants = new HashSet<>();
		Map<String, Class<?>> withoutOptions = new LinkedHashMap<>();
		boolean setsTaskQueue = false;
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
			ConstantsCollector collected = read(classLoader, className);
			if (collected == null) {
				continue;
			}
			constants.addAll(collected.strings);
			setsTaskQueue |= collected.setsTaskQueue;
			pending.addAll(collected.nestedClasses);
			for (String referenced : collected.classes) {
				activityInterface(referenced, classLoader)
					.ifPresent((type) -> activityTypesOf(type).forEach((name) -> activityTypes.putIfAbsent(name, type)));
			}
			for (String passed : collected.stubsWithoutOptions) {
				activityInterface(passed, classLoader)
					.ifPresent((type) -> activityTypesOf(type).forEach((name) -> withoutOptions.putIfAbsent(name, type)));
			}
		}
		return new WorkflowActivityCalls(activityTypes, constants, withoutOptions, setsTaskQueue);
	}

	private static Optional<Class<?>> activityInterface(String className, @Nullable ClassLoader classLoader) {
		try {
			Class<?> type = ClassUtils.forName(className, classLoader);
			return (type.isInterface() && type.isAnnotationPresent(ActivityInterface.class)) ? Optional.of(type)
					: Optional.empty();
		}
		catch (ClassNotFoundException | LinkageError | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static List<String> activityTypesOf(Class<?> activityInterface) {
		try {
			return POJOActivityInterfaceMetadata.newInstance(activityInterface)
				.getMethodsMetadata()
				.stream()
				.map(POJOActivityMethodMetadata::getActivityTypeName)
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private static @Nullable ConstantsCollector read(@Nullable ClassLoader classLoader, String className) {
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

	/**
	 * The class and string constants a class loads ({@code X.class}, {@code "name"}), the classes it passes straight
	 * to {@code Workflow.newActivityStub(Class)}, and its nested classes.
	 */
	private static final class ConstantsCollector extends ClassVisitor {

		private final String internalName;

		private final Set<String> classes = new HashSet<>();

		private final Set<String> strings = new HashSet<>();

		private final Set<String> stubsWithoutOptions = new HashSet<>();

		private final Set<String> nestedClasses = new HashSet<>();

		private boolean setsTaskQueue;

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
			return new CallsCollector();
		}

		/** Remembers a class constant only while it is the last instruction, i.e. the argument of the next call. */
		private final class CallsCollector extends MethodVisitor {

			private @Nullable String lastClassConstant;

			CallsCollector() {
				super(SpringAsmInfo.ASM_VERSION);
			}

			@Override
			public void visitLdcInsn(Object value) {
				this.lastClassConstant = null;
				if (value instanceof Type type && type.getSort() == Type.OBJECT) {
					ConstantsCollector.this.classes.add(type.getClassName());
					this.lastClassConstant = type.getClassName();
				}
				else if (value instanceof String string) {
					ConstantsCollector.this.strings.add(string);
				}
			}

			@Override
			public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
				if (opcode == Opcodes.INVOKESTATIC && WORKFLOW.equals(owner) && "newActivityStub".equals(name)
						&& STUB_WITHOUT_OPTIONS.equals(descriptor) && this.lastClassConstant != null) {
					ConstantsCollector.this.stubsWithoutOptions.add(this.lastClassConstant);
				}
				if (ACTIVITY_OPTIONS_BUILDER.equals(owner) && "setTaskQueue".equals(name)) {
					ConstantsCollector.this.setsTaskQueue = true;
				}
				this.lastClassConstant = null;
			}

			@Override
			public void visitInsn(int opcode) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitIntInsn(int opcode, int operand) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitVarInsn(int opcode, int varIndex) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitTypeInsn(int opcode, String type) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitJumpInsn(int opcode, Label label) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
					Object... bootstrapMethodArguments) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitIincInsn(int varIndex, int increment) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
				this.lastClassConstant = null;
			}

			@Override
			public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
				this.lastClassConstant = null;
			}

		}

	}

}
