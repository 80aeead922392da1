package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Reads one method's bytecode into its {@link MethodSummary}, following the operand stack and the local variables in
 * one pass, so that it knows which lambdas go to {@code Workflow.sideEffect}, which object a call is made on when the
 * method created it, and which collection (and of what key type) a loop or a stream iterates
 * ({@link CollectionCalls}).
 */
final class MethodReader extends MethodVisitor {

	private static final String WORKFLOW = "io/temporal/workflow/Workflow";

	private final ClassSummary owner;

	private final MethodSummary method;

	private final OperandStack stack = new OperandStack();

	private Value[] locals = new Value[16];

	private final Map<Label, Integer> labels = new HashMap<>();

	private final List<LocalVariable> variables = new ArrayList<>();

	private final List<PendingIteration> iterations = new ArrayList<>();

	private final CollectionCalls collections = new CollectionCalls(this);

	private int line = -1;

	private int instruction;

	private boolean reachable = true;

	MethodReader(ClassSummary owner, MethodSummary method) {
		super(SpringAsmInfo.ASM_VERSION);
		this.owner = owner;
		this.method = method;
	}

	@Override
	public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
		if (ClassSummary.INJECTION_ANNOTATIONS.contains(descriptor)) {
			this.method.injected = true;
			this.method.runByContainer = true;
		}
		if (ClassSummary.LIFECYCLE_ANNOTATIONS.contains(descriptor)) {
			this.method.runByContainer = true;
		}
		if (ClassSummary.ALLOW_ANNOTATION.equals(descriptor)) {
			this.method.allowReason = "";
			return this.owner.new Reason(this.method);
		}
		return null;
	}

	@Override
	public void visitCode() {
		int slot = this.method.isStatic() ? 0 : 1;
		for (Type parameter : Type.getArgumentTypes(this.method.descriptor)) {
			if (parameter.getSort() == Type.OBJECT) {
				store(slot, Value.of(Container.madeBy(parameter.getInternalName())));
			}
			slot += parameter.getSize();
		}
	}

	@Override
	public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stackTypes) {
		int depth = switch (type) {
			case Opcodes.F_NEW, Opcodes.F_FULL -> slots(numStack, stackTypes);
			case Opcodes.F_SAME1 -> slots(1, stackTypes);
			default -> 0;
		};
		if (!this.reachable || this.stack.depth() != depth) {
			this.stack.reset(depth);
		}
		this.reachable = true;
	}

	private static int slots(int count, Object[] types) {
		int slots = 0;
		for (int i = 0; i < count; i++) {
			slots += (types[i] == Opcodes.LONG || types[i] == Opcodes.DOUBLE) ? 2 : 1;
		}
		return slots;
	}

	@Override
	public void visitLabel(Label label) {
		this.labels.put(label, this.instruction);
	}

	@Override
	public void visitLineNumber(int line, Label start) {
		this.line = line;
		if (this.method.firstLine < 0) {
			this.method.firstLine = line;
		}
	}

	@Override
	public void visitInsn(int opcode) {
		this.instruction++;
		if (OperandStack.isShuffle(opcode)) {
			this.stack.shuffle(opcode);
		}
		else if ((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW) {
			this.stack.reset(0);
			this.reachable = false;
		}
		else {
			this.stack.discard(StackEffects.pops(opcode));
			this.stack.pushUnknown(StackEffects.pushes(opcode));
		}
	}

	@Override
	public void visitIntInsn(int opcode, int operand) {
		this.instruction++;
		if (opcode == Opcodes.NEWARRAY) {
			this.stack.pop();
		}
		this.stack.push(Value.UNKNOWN);
	}

	@Override
	public void visitVarInsn(int opcode, int variable) {
		this.instruction++;
		switch (opcode) {
			case Opcodes.ILOAD, Opcodes.FLOAD -> this.stack.push(Value.UNKNOWN);
			case Opcodes.LLOAD, Opcodes.DLOAD -> this.stack.pushUnknown(2);
			case Opcodes.ALOAD -> {
				Value value = load(variable);
				// where it was loaded from matters only for a collection (its key type is the variable's)
				this.stack.push((value.container() != null) ? value.loadedFrom(variable, this.instruction) : value);
			}
			case Opcodes.ISTORE, Opcodes.FSTORE, Opcodes.ASTORE -> store(variable, this.stack.pop());
			case Opcodes.LSTORE, Opcodes.DSTORE -> store(variable, this.stack.pop(2));
			default -> {
				// RET: subroutines are older than the class files that need frames
			}
		}
	}

	Value load(int variable) {
		Value value = (variable < this.locals.length) ? this.locals[variable] : null;
		return (value != null) ? value : Value.UNKNOWN;
	}

	void store(int variable, Value value) {
		if (variable >= this.locals.length) {
			this.locals = java.util.Arrays.copyOf(this.locals, Math.max(variable + 1, this.locals.length * 2));
		}
		this.locals[variable] = value;
	}

	@Override
	public void visitTypeInsn(int opcode, String type) {
		this.instruction++;
		switch (opcode) {
			case Opcodes.NEW -> {
				this.method.instantiated.add(type);
				this.stack.push(Value.created(type));
			}
			case Opcodes.CHECKCAST -> this.stack.push(this.stack.pop());
			default -> {
				this.stack.pop();
				this.stack.push(Value.UNKNOWN);
			}
		}
	}

	@Override
	public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
		this.instruction++;
		Type type = Type.getType(descriptor);
		switch (opcode) {
			case Opcodes.GETSTATIC, Opcodes.GETFIELD -> {
				if (opcode == Opcodes.GETFIELD) {
					this.stack.pop();
				}
				else {
					this.method.staticallyUsed.add(fieldOwner);
				}
				this.stack.push(fieldValue(type, fieldOwner, name), type.getSize());
			}
			default -> {
				Value value = this.stack.pop(type.getSize());
				if (opcode == Opcodes.PUTFIELD) {
					this.stack.pop();
				}
				else {
					this.method.staticWrites.add(new MethodSummary.StaticWrite(this.line, fieldOwner, name));
					this.method.staticallyUsed.add(fieldOwner);
				}
				if (fieldOwner.equals(this.owner.name) && value.container() != null) {
					this.owner.assigned(name, value.container());
				}
			}
		}
	}

	private Value fieldValue(Type type, String fieldOwner, String name) {
		if (type.getSort() != Type.OBJECT) {
			return Value.UNKNOWN;
		}
		Container container = Container.ofField(type.getInternalName(), fieldOwner, name);
		ClassSummary.Field field = fieldOwner.equals(this.owner.name) ? this.owner.fields.get(name) : null;
		if (container != null && field != null) {
			container = container.withKeyType(SignatureTypes.keyType(field.signature()));
		}
		return Value.of(container);
	}

	@Override
	public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
		this.instruction++;
		int[] argumentSizes = argumentSizes(descriptor);
		Value[] arguments = new Value[argumentSizes.length];
		for (int i = arguments.length - 1; i >= 0; i--) {
			arguments[i] = this.stack.pop(argumentSizes[i]);
		}
		Value receiver = (opcode == Opcodes.INVOKESTATIC) ? null : this.stack.pop();
		if (opcode == Opcodes.INVOKESTATIC) {
			this.method.staticallyUsed.add(callOwner);
		}
		boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
		this.method.calls.add(new MethodSummary.Call(this.line, opcode, callOwner, name, descriptor,
				(virtual && receiver != null) ? receiver.createdClass() : null));
		if (WORKFLOW.equals(callOwner) && (name.equals("sideEffect") || name.equals("mutableSideEffect"))) {
			// their functions run once and are recorded in the history; a replay reads the recorded value
			for (Value argument : arguments) {
				if (argument.lambda() != null) {
					argument.lambda().sideEffect = true;
				}
			}
		}
		if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
			this.collections.constructed(callOwner, receiver, arguments);
		}
		Value result = this.collections.result(callOwner, name, descriptor, receiver, arguments);
		int returnSize = returnSize(descriptor);
		if (returnSize > 0) {
			this.stack.push(result, returnSize);
		}
	}

	@Override
	public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
		this.instruction++;
		int[] argumentSizes = argumentSizes(descriptor);
		for (int i = argumentSizes.length - 1; i >= 0; i--) {
			this.stack.pop(argumentSizes[i]);
		}
		if ("java/lang/invoke/LambdaMetafactory".equals(bootstrap.getOwner()) && arguments.length >= 2
				&& arguments[1] instanceof Handle body) {
			MethodSummary.Call call = new MethodSummary.Call(this.line, MethodSummary.Call.HANDLE + body.getTag(),
					body.getOwner(), body.getName(), body.getDesc(), null);
			this.method.calls.add(call);
			this.stack.push(Value.lambda(call));
		}
		else {
			// string concatenation, records' equals/hashCode/toString, switch on patterns
			this.stack.pushUnknown(returnSize(descriptor));
		}
	}

	// the slots of each argument of a method descriptor, read without building Type objects (this runs for every
	// call of every method read, mostly before the JIT has compiled anything)
	private static int[] argumentSizes(String descriptor) {
		int count = 0;
		int[] sizes = new int[8];
		int i = 1;
		while (descriptor.charAt(i) != ')') {
			char c = descriptor.charAt(i);
			int size = (c == 'J' || c == 'D') ? 2 : 1;
			while (descriptor.charAt(i) == '[') {
				i++;
				size = 1;
			}
			i = (descriptor.charAt(i) == 'L') ? descriptor.indexOf(';', i) + 1 : i + 1;
			if (count == sizes.length) {
				sizes = java.util.Arrays.copyOf(sizes, count * 2);
			}
			sizes[count++] = size;
		}
		return (count == sizes.length) ? sizes : java.util.Arrays.copyOf(sizes, count);
	}

	private static int returnSize(String descriptor) {
		char c = descriptor.charAt(descriptor.indexOf(')') + 1);
		return (c == 'V') ? 0 : (c == 'J' || c == 'D') ? 2 : 1;
	}

	@Override
	public void visitJumpInsn(int opcode, Label label) {
		this.instruction++;
		this.stack.discard(StackEffects.jumpPops(opcode));
		if (opcode == Opcodes.GOTO) {
			this.reachable = false;
		}
	}

	@Override
	public void visitLdcInsn(Object value) {
		this.instruction++;
		this.stack.pushUnknown((value instanceof Long || value instanceof Double) ? 2 : 1);
	}

	@Override
	public void visitIincInsn(int variable, int increment) {
		this.instruction++;
	}

	@Override
	public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
		switched();
	}

	@Override
	public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
		switched();
	}

	private void switched() {
		this.instruction++;
		this.stack.pop();
		this.reachable = false;
	}

	@Override
	public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
		this.instruction++;
		this.stack.discard(dimensions);
		this.stack.push(Value.UNKNOWN);
	}

	@Override
	public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
			int index) {
		this.variables.add(new LocalVariable(index, (signature != null) ? signature : descriptor, start, end));
	}

	@Override
	public void visitEnd() {
		for (PendingIteration pending : this.iterations) {
			Container container = pending.value().container();
			if (container.keyType() == null && pending.value().local() >= 0) {
				container = container.withKeyType(SignatureTypes.keyType(signatureAt(pending.value())));
			}
			this.method.iterations.add(new MethodSummary.Iteration(pending.line(), pending.api(), container));
		}
	}

	// the local variable table names the generic type of a variable where it is in scope
	private String signatureAt(Value value) {
		for (LocalVariable variable : this.variables) {
			Integer start = this.labels.get(variable.start());
			Integer end = this.labels.get(variable.end());
			if (variable.index() == value.local() && start != null && end != null && start <= value.loadedAt()
					&& value.loadedAt() <= end) {
				return variable.signature();
			}
		}
		return null;
	}

	private record LocalVariable(int index, String signature, Label start, Label end) {
	}

	/** A place where the order of a collection shows (its key type is looked up when the method is read). */
	void iteration(String api, Value collection) {
		this.iterations.add(new PendingIteration(this.line, api, collection));
	}

	OperandStack stack() {
		return this.stack;
	}

	private record PendingIteration(int line, String api, Value value) {
	}

}
