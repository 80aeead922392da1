package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.List;

import org.springframework.asm.Opcodes;

/**
 * The operand stack of a method as {@link MethodReader} follows it, one {@link Value} per slot. It is an
 * approximation for one linear pass: where paths join, the frames of the class file reset its depth. It never fails
 * on what it cannot follow; it answers {@link Value#UNKNOWN} instead.
 */
final class OperandStack {

	private final List<Value> slots = new ArrayList<>();

	void push(Value value) {
		this.slots.add(value);
	}

	void push(Value value, int size) {
		this.slots.add(value);
		for (int i = 1; i < size; i++) {
			this.slots.add(Value.UNKNOWN);
		}
	}

	void pushUnknown(int size) {
		for (int i = 0; i < size; i++) {
			this.slots.add(Value.UNKNOWN);
		}
	}

	Value pop() {
		return this.slots.isEmpty() ? Value.UNKNOWN : this.slots.remove(this.slots.size() - 1);
	}

	/** Pops a value of one or two slots and answers its first slot (the one that carries what is known). */
	Value pop(int size) {
		Value value = Value.UNKNOWN;
		for (int i = 0; i < size; i++) {
			value = pop();
		}
		return value;
	}

	void discard(int size) {
		pop(size);
	}

	int depth() {
		return this.slots.size();
	}

	void reset(int depth) {
		this.slots.clear();
		pushUnknown(depth);
	}

	/** The stack instructions that move slots around, by slots as the JVM defines them. */
	void shuffle(int opcode) {
		switch (opcode) {
			case Opcodes.POP -> pop();
			case Opcodes.POP2 -> pop(2);
			case Opcodes.DUP -> {
				Value v1 = pop();
				pushAll(v1, v1);
			}
			case Opcodes.DUP_X1 -> {
				Value v1 = pop();
				Value v2 = pop();
				pushAll(v1, v2, v1);
			}
			case Opcodes.DUP_X2 -> {
				Value v1 = pop();
				Value v2 = pop();
				Value v3 = pop();
				pushAll(v1, v3, v2, v1);
			}
			case Opcodes.DUP2 -> {
				Value v1 = pop();
				Value v2 = pop();
				pushAll(v2, v1, v2, v1);
			}
			case Opcodes.DUP2_X1 -> {
				Value v1 = pop();
				Value v2 = pop();
				Value v3 = pop();
				pushAll(v2, v1, v3, v2, v1);
			}
			case Opcodes.DUP2_X2 -> {
				Value v1 = pop();
				Value v2 = pop();
				Value v3 = pop();
				Value v4 = pop();
				pushAll(v2, v1, v4, v3, v2, v1);
			}
			case Opcodes.SWAP -> {
				Value v1 = pop();
				Value v2 = pop();
				pushAll(v1, v2);
			}
			default -> throw new IllegalArgumentException("Not a stack instruction: " + opcode);
		}
	}

	static boolean isShuffle(int opcode) {
		return opcode >= Opcodes.POP && opcode <= Opcodes.SWAP;
	}

	private void pushAll(Value... values) {
		for (Value value : values) {
			this.slots.add(value);
		}
	}

}
