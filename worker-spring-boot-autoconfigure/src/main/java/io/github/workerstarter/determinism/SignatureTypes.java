package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the generic signatures of class files (JVMS 4.7.9.1), which Spring's repackaged ASM does not parse: the type
 * arguments of a field or local variable ({@code Map<OrderStatus, Integer>}: the key type of a map) and every class a
 * constructor's parameters name ({@code ObjectProvider<JdbcTemplate>}). Plain descriptors read the same way.
 */
final class SignatureTypes {

	private final String signature;

	private int position;

	private SignatureTypes(String signature) {
		this.signature = signature;
	}

	/**
	 * A type of a signature.
	 * @param name the internal name of a class type, or null for a primitive, an array or a type variable
	 * @param arguments its type arguments (for an array, the element type)
	 */
	record TypeSignature(@Nullable String name, List<TypeSignature> arguments) {

		void collectNames(Set<String> names) {
			if (this.name != null) {
				names.add(this.name);
			}
			for (TypeSignature argument : this.arguments) {
				argument.collectNames(names);
			}
		}

	}

	/**
	 * The type of a field or local variable signature (or descriptor).
	 * @param signature e.g. {@code Ljava/util/Map<Lcom/acme/Status;Ljava/lang/Integer;>;}
	 * @return the type, or null when the signature cannot be read
	 */
	static @Nullable TypeSignature type(String signature) {
		try {
			return new SignatureTypes(signature).readType();
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

	/**
	 * The key type of a collection's signature: the first type argument, and for a set of map entries the entries'
	 * key type.
	 * @param signature a field or local variable signature
	 * @return the internal name of the key (or element) class, or null when it is not a class or not known
	 */
	static @Nullable String keyType(@Nullable String signature) {
		TypeSignature type = (signature != null) ? type(signature) : null;
		while (type != null && !type.arguments().isEmpty()) {
			TypeSignature first = type.arguments().get(0);
			if (!"java/util/Map$Entry".equals(first.name())) {
				return first.name();
			}
			type = first;
		}
		return null;
	}

	/**
	 * Every class a method's or field's signature (or descriptor) names, type arguments included.
	 * @param signature a method or field signature or descriptor
	 * @return internal names, in order
	 */
	static Set<String> classNames(String signature) {
		Set<String> names = new LinkedHashSet<>();
		try {
			SignatureTypes reader = new SignatureTypes(signature);
			if (signature.startsWith("<") || signature.startsWith("(")) {
				reader.skipTypeParameters();
				reader.expect('(');
				while (reader.peek() != ')') {
					reader.readType().collectNames(names);
				}
			}
			else {
				reader.readType().collectNames(names);
			}
		}
		catch (RuntimeException unreadable) {
			// names read so far stand
		}
		return names;
	}

	private TypeSignature readType() {
		char c = next();
		switch (c) {
			case 'L': {
				StringBuilder name = new StringBuilder(identifier());
				List<TypeSignature> arguments = new ArrayList<>();
				while (true) {
					char after = next();
					if (after == '<') {
						arguments = new ArrayList<>();
						while (peek() != '>') {
							arguments.add(readTypeArgument());
						}
						this.position++;
					}
					else if (after == '.') {
						name.append('$').append(identifier());
					}
					else {
						return new TypeSignature(name.toString(), arguments);
					}
				}
			}
			case 'T':
				identifier();
				this.position++;
				return new TypeSignature(null, List.of());
			case '[':
				return new TypeSignature(null, List.of(readType()));
			default:
				return new TypeSignature(null, List.of());
		}
	}

	private TypeSignature readTypeArgument() {
		char c = peek();
		if (c == '*') {
			this.position++;
			return new TypeSignature(null, List.of());
		}
		if (c == '+' || c == '-') {
			this.position++;
		}
		return readType();
	}

	private void skipTypeParameters() {
		if (peek() != '<') {
			return;
		}
		this.position++;
		while (peek() != '>') {
			identifier();
			while (peek() == ':') {
				this.position++;
				if (peek() != ':' && peek() != '>' && isTypeStart(peek())) {
					readType();
				}
			}
		}
		this.position++;
	}

	private static boolean isTypeStart(char c) {
		return c == 'L' || c == 'T' || c == '[';
	}

	private String identifier() {
		int start = this.position;
		while (this.position < this.signature.length() && ";<>.:".indexOf(this.signature.charAt(this.position)) < 0) {
			this.position++;
		}
		return this.signature.substring(start, this.position);
	}

	private void expect(char c) {
		if (next() != c) {
			throw new IllegalArgumentException("Expected " + c + " in " + this.signature);
		}
	}

	private char next() {
		return this.signature.charAt(this.position++);
	}

	private char peek() {
		return this.signature.charAt(this.position);
	}

}
