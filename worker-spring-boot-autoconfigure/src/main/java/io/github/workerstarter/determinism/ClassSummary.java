package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

/**
 * One application class as the check reads it from its class file, once: its place in the hierarchy, the
 * annotations that matter (an exception, an SDK stub interface), its fields and the summary of every method.
 */
final class ClassSummary {

	static final String ALLOW_ANNOTATION = "Lio/github/workerstarter/annotation/AllowNondeterminism;";

	/** Interfaces whose calls go to an SDK stub (activity, child workflow, Nexus service), never to our code. */
	private static final String WORKFLOW_INTERFACE = "Lio/temporal/workflow/WorkflowInterface;";

	private static final Set<String> STUB_ANNOTATIONS = Set.of("Lio/temporal/activity/ActivityInterface;",
			WORKFLOW_INTERFACE, "Lio/nexusrpc/Service;");

	/** Members Spring sets or calls while it builds a bean. */
	static final Set<String> INJECTION_ANNOTATIONS = Set.of(
			"Lorg/springframework/beans/factory/annotation/Autowired;", "Ljakarta/inject/Inject;",
			"Ljavax/inject/Inject;", "Ljakarta/annotation/Resource;", "Ljavax/annotation/Resource;");

	static final Set<String> LIFECYCLE_ANNOTATIONS = Set.of("Ljakarta/annotation/PostConstruct;",
			"Ljavax/annotation/PostConstruct;");

	final String name;

	int access;

	@Nullable String superName;

	List<String> interfaces = List.of();

	@Nullable String sourceFile;

	/** The reason of an {@code @AllowNondeterminism} on the class; blank when the annotation has none. */
	@Nullable String allowReason;

	boolean stubInterface;

	/** An interface annotated {@code @WorkflowInterface}: its methods are what the SDK calls on a workflow. */
	boolean workflowInterface;

	final Map<String, Field> fields = new LinkedHashMap<>();

	final Map<String, MethodSummary> methods = new LinkedHashMap<>();

	/** What each field of this class is assigned (in this class's code), when it is an unordered collection. */
	final Map<String, List<Container>> assignments = new HashMap<>();

	private ClassSummary(String name) {
		this.name = name;
	}

	/**
	 * Reads a class file.
	 * @param name the class's internal name
	 * @param bytes its class file
	 * @return the summary
	 */
	static ClassSummary read(String name, byte[] bytes) {
		ClassSummary summary = new ClassSummary(name);
		new ClassReader(bytes).accept(summary.new Reader(), 0);
		return summary;
	}

	@Nullable MethodSummary method(String key) {
		return this.methods.get(key);
	}

	boolean isInterface() {
		return (this.access & Opcodes.ACC_INTERFACE) != 0;
	}

	boolean isAbstract() {
		return (this.access & Opcodes.ACC_ABSTRACT) != 0;
	}

	/** The first line of the first constructor: for a class without one, javac puts its default at the declaration. */
	int declarationLine() {
		for (MethodSummary method : this.methods.values()) {
			if (method.isConstructor() && method.firstLine > 0) {
				return method.firstLine;
			}
		}
		return -1;
	}

	void assigned(String field, Container container) {
		List<Container> assigned = this.assignments.get(field);
		if (assigned == null) {
			assigned = new ArrayList<>();
			this.assignments.put(field, assigned);
		}
		assigned.add(container);
	}

	/**
	 * A field.
	 * @param name its name
	 * @param descriptor its type's descriptor
	 * @param signature its generic signature, if any
	 * @param access its modifiers
	 * @param injected whether Spring injects it ({@code @Autowired}, {@code @Inject}, {@code @Resource})
	 */
	record Field(String name, String descriptor, @Nullable String signature, int access, boolean injected) {
	}

	private final class Reader extends ClassVisitor {

		Reader() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, String signature, String superName,
				String[] interfaces) {
			ClassSummary.this.access = access;
			ClassSummary.this.superName = superName;
			ClassSummary.this.interfaces = (interfaces != null) ? List.of(interfaces) : List.of();
		}

		@Override
		public void visitSource(String source, String debug) {
			ClassSummary.this.sourceFile = source;
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			if (STUB_ANNOTATIONS.contains(descriptor)) {
				ClassSummary.this.stubInterface = true;
				ClassSummary.this.workflowInterface |= WORKFLOW_INTERFACE.equals(descriptor);
			}
			if (ALLOW_ANNOTATION.equals(descriptor)) {
				ClassSummary.this.allowReason = "";
				return new Reason(null);
			}
			return null;
		}

		@Override
		public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
			ClassSummary.this.fields.put(name, new Field(name, descriptor, signature, access, false));
			return new FieldVisitor(SpringAsmInfo.ASM_VERSION) {
				@Override
				public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
					if (INJECTION_ANNOTATIONS.contains(annotation)) {
						ClassSummary.this.fields.put(name, new Field(name, descriptor, signature, access, true));
					}
					return null;
				}
			};
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			MethodSummary method = new MethodSummary(ClassSummary.this.name, name, descriptor, access);
			method.signature = signature;
			ClassSummary.this.methods.put(method.key(), method);
			return new MethodReader(ClassSummary.this, method);
		}

	}

	/** Reads the {@code reason} of an {@code @AllowNondeterminism} on the class, or on a method when given one. */
	final class Reason extends AnnotationVisitor {

		private final @Nullable MethodSummary method;

		Reason(@Nullable MethodSummary method) {
			super(SpringAsmInfo.ASM_VERSION);
			this.method = method;
		}

		@Override
		public void visit(String name, Object value) {
			if ("reason".equals(name) && value instanceof String text) {
				if (this.method != null) {
					this.method.allowReason = text;
				}
				else {
					ClassSummary.this.allowReason = text;
				}
			}
		}

	}

}
