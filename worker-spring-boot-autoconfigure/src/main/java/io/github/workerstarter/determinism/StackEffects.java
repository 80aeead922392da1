package io.github.workerstarter.determinism;

import org.springframework.asm.Opcodes;

/**
 * How many operand stack slots each instruction without operands pops and pushes (JVMS chapter 6; a long or a
 * double takes two slots). The stack shuffles (DUP*, SWAP, POP*) and the instructions that end a path are handled by
 * {@link OperandStack} itself.
 */
final class StackEffects {

	private static final int[] POPS = new int[256];

	private static final int[] PUSHES = new int[256];

	static {
		set(Opcodes.ACONST_NULL, 0, 1);
		range(Opcodes.ICONST_M1, Opcodes.ICONST_5, 0, 1);
		range(Opcodes.LCONST_0, Opcodes.LCONST_1, 0, 2);
		range(Opcodes.FCONST_0, Opcodes.FCONST_2, 0, 1);
		range(Opcodes.DCONST_0, Opcodes.DCONST_1, 0, 2);
		// array loads: array and index in, the element out
		for (int opcode : new int[] { Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD,
				Opcodes.SALOAD }) {
			set(opcode, 2, 1);
		}
		set(Opcodes.LALOAD, 2, 2);
		set(Opcodes.DALOAD, 2, 2);
		// array stores: array, index and value in
		for (int opcode : new int[] { Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
				Opcodes.CASTORE, Opcodes.SASTORE }) {
			set(opcode, 3, 0);
		}
		set(Opcodes.LASTORE, 4, 0);
		set(Opcodes.DASTORE, 4, 0);
		// binary arithmetic, in groups of int, long, float, double
		for (int opcode = Opcodes.IADD; opcode <= Opcodes.DREM; opcode++) {
			boolean wide = (opcode - Opcodes.IADD) % 2 == 1;
			set(opcode, wide ? 4 : 2, wide ? 2 : 1);
		}
		set(Opcodes.INEG, 1, 1);
		set(Opcodes.LNEG, 2, 2);
		set(Opcodes.FNEG, 1, 1);
		set(Opcodes.DNEG, 2, 2);
		// shifts take an int distance; logic ops come in int/long pairs
		for (int opcode = Opcodes.ISHL; opcode <= Opcodes.LUSHR; opcode++) {
			boolean wide = (opcode - Opcodes.ISHL) % 2 == 1;
			set(opcode, wide ? 3 : 2, wide ? 2 : 1);
		}
		for (int opcode = Opcodes.IAND; opcode <= Opcodes.LXOR; opcode++) {
			boolean wide = (opcode - Opcodes.IAND) % 2 == 1;
			set(opcode, wide ? 4 : 2, wide ? 2 : 1);
		}
		set(Opcodes.I2L, 1, 2);
		set(Opcodes.I2F, 1, 1);
		set(Opcodes.I2D, 1, 2);
		set(Opcodes.L2I, 2, 1);
		set(Opcodes.L2F, 2, 1);
		set(Opcodes.L2D, 2, 2);
		set(Opcodes.F2I, 1, 1);
		set(Opcodes.F2L, 1, 2);
		set(Opcodes.F2D, 1, 2);
		set(Opcodes.D2I, 2, 1);
		set(Opcodes.D2L, 2, 2);
		set(Opcodes.D2F, 2, 1);
		range(Opcodes.I2B, Opcodes.I2S, 1, 1);
		set(Opcodes.LCMP, 4, 1);
		set(Opcodes.FCMPL, 2, 1);
		set(Opcodes.FCMPG, 2, 1);
		set(Opcodes.DCMPL, 4, 1);
		set(Opcodes.DCMPG, 4, 1);
		set(Opcodes.ARRAYLENGTH, 1, 1);
		set(Opcodes.MONITORENTER, 1, 0);
		set(Opcodes.MONITOREXIT, 1, 0);
	}

	private StackEffects() {
	}

	static int pops(int opcode) {
		return POPS[opcode];
	}

	static int pushes(int opcode) {
		return PUSHES[opcode];
	}

	/**
	 * The slots the conditional and unconditional jumps pop.
	 * @param opcode a jump opcode
	 * @return slots popped
	 */
	static int jumpPops(int opcode) {
		if (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IFLE) {
			return 1;
		}
		if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ACMPNE) {
			return 2;
		}
		return (opcode == Opcodes.IFNULL || opcode == Opcodes.IFNONNULL) ? 1 : 0;
	}

	private static void range(int from, int to, int pops, int pushes) {
		for (int opcode = from; opcode <= to; opcode++) {
			set(opcode, pops, pushes);
		}
	}

	private static void set(int opcode, int pops, int pushes) {
		POPS[opcode] = pops;
		PUSHES[opcode] = pushes;
	}

}
