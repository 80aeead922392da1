package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.Opcodes;

/**
 * What the check needs of one method of an application class, read from its bytecode once: the calls it makes
 * (lambdas and method references included, except those handed to {@code Workflow.sideEffect}), the classes it
 * instantiates, its writes to static fields and its iterations of collections whose order may differ between JVMs.
 */
final class MethodSummary {

	final String owner;

	final String name;

	final String descriptor;

	final int access;

	@Nullable String signature;

	int firstLine = -1;

	/** The reason of an {@code @AllowNondeterminism} on this method; blank when the annotation has none. */
	@Nullable String allowReason;

	/** Run by Spring while it builds the bean ({@code @Autowired}, {@code @Inject}, {@code @PostConstruct}...). */
	boolean runByContainer;

	/** Whether the method takes what it is given by injection ({@code @Autowired}, {@code @Inject}...). */
	boolean injected;

	final List<Call> calls = new ArrayList<>();

	final List<StaticWrite> staticWrites = new ArrayList<>();

	final Set<String> instantiated = new LinkedHashSet<>();

	/** Classes whose static members it uses: their static initializers run first. */
	final Set<String> staticallyUsed = new LinkedHashSet<>();

	final List<Iteration> iterations = new ArrayList<>();

	MethodSummary(String owner, String name, String descriptor, int access) {
		this.owner = owner;
		this.name = name;
		this.descriptor = descriptor;
		this.access = access;
	}

	// String.concat rather than +: this runs before the JIT, and each + site bootstraps an invokedynamic
	String key() {
		return this.name.concat(this.descriptor);
	}

	boolean isAbstract() {
		return (this.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0;
	}

	boolean isStatic() {
		return (this.access & Opcodes.ACC_STATIC) != 0;
	}

	boolean isSynthetic() {
		return (this.access & Opcodes.ACC_SYNTHETIC) != 0;
	}

	boolean isConstructor() {
		return this.name.equals("<init>");
	}

	@Override
	public String toString() {
		return this.owner + "." + this.name + this.descriptor;
	}

	/**
	 * A call, or a lambda or method reference created here (its body runs wherever the function is called, so it
	 * counts as called from here).
	 */
	static final class Call {

		final int line;

		/** The invoke opcode, or the method handle's kind (H_*) plus {@link #HANDLE} for a lambda. */
		final int kind;

		final String owner;

		final String name;

		final String descriptor;

		/** The receiver's class when this method created it ({@code new X().run()}): the call's only target. */
		final @Nullable String receiverClass;

		/** Handed to {@code Workflow.sideEffect}/{@code mutableSideEffect}: runs once, recorded in the history. */
		boolean sideEffect;

		static final int HANDLE = 1000;

		Call(int line, int kind, String owner, String name, String descriptor, @Nullable String receiverClass) {
			this.line = line;
			this.kind = kind;
			this.owner = owner;
			this.name = name;
			this.descriptor = descriptor;
			this.receiverClass = receiverClass;
		}

		boolean isVirtual() {
			int opcode = (this.kind >= HANDLE) ? handleOpcode(this.kind - HANDLE) : this.kind;
			return opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
		}

		private static int handleOpcode(int tag) {
			return switch (tag) {
				case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
				case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
				case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
				default -> Opcodes.INVOKESPECIAL;
			};
		}

	}

	/** {@code putstatic}: a write to a static field. */
	record StaticWrite(int line, String owner, String name) {
	}

	/**
	 * A place where the order of a collection becomes observable: a loop over it, {@code forEach}, a stream's
	 * order-dependent result.
	 * @param line the source line
	 * @param api the member called there ({@code java/util/Set.iterator})
	 * @param container what is known of the collection
	 */
	record Iteration(int line, String api, Container container) {
	}

}
