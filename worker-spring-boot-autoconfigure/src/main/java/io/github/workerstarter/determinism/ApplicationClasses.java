package io.github.workerstarter.determinism;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.Type;

/**
 * The classes one check run looks at. Application classes (those in the application's packages) are read from their
 * class files, each once, and their code is followed; library classes (the JDK, Spring, the SDK, everything else) are
 * only asked for their supertypes and methods, through reflection without initializing them, for the
 * {@link HazardCatalogue} and for callbacks.
 */
final class ApplicationClasses {

	/** Never followed, even inside an application package: the SDK and our own annotations. */
	private static final List<String> SDK_PACKAGES = List.of("io/temporal/", "io/nexusrpc/");

	private final ClassLoader classLoader;

	private final List<String> packages;

	// null values: not an application class file that could be read
	private final Map<String, @Nullable ClassSummary> summaries = new HashMap<>();

	private int classesRead;

	private final Map<String, List<String>> hierarchies = new HashMap<>();

	private final Map<String, Boolean> identityHashed = new HashMap<>();

	private final Map<String, Set<String>> libraryMethods = new HashMap<>();

	/**
	 * The classes of an application.
	 * @param classLoader where class files and library classes come from
	 * @param packages the application's packages, dotted ({@code com.acme.claims})
	 */
	ApplicationClasses(ClassLoader classLoader, Collection<String> packages) {
		this.classLoader = classLoader;
		Set<String> prefixes = new LinkedHashSet<>();
		for (String name : packages) {
			if (!name.isBlank()) {
				prefixes.add(name.replace('.', '/') + "/");
			}
		}
		this.packages = List.copyOf(prefixes);
	}

	boolean isApplication(String type) {
		for (String sdk : SDK_PACKAGES) {
			if (type.startsWith(sdk)) {
				return false;
			}
		}
		for (String prefix : this.packages) {
			if (type.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An application class, read once.
	 * @param type its internal name
	 * @return its summary, or null for a library class or one whose class file cannot be read
	 */
	@Nullable ClassSummary summary(String type) {
		if (!isApplication(type)) {
			return null;
		}
		if (this.summaries.containsKey(type)) {
			return this.summaries.get(type);
		}
		ClassSummary summary = read(type);
		this.summaries.put(type, summary);
		if (summary != null) {
			this.classesRead++;
		}
		return summary;
	}

	int classesRead() {
		return this.classesRead;
	}

	private @Nullable ClassSummary read(String type) {
		try (InputStream in = this.classLoader.getResourceAsStream(type + ".class")) {
			return (in != null) ? ClassSummary.read(type, in.readAllBytes()) : null;
		}
		catch (IOException | RuntimeException unreadable) {
			// a class file ASM cannot read (newer than it knows, or damaged): its code is not followed
			return null;
		}
	}

	/**
	 * A type and all its supertypes, nearest first.
	 * @param type an internal name
	 * @return internal names, starting with {@code type}
	 */
	List<String> hierarchy(String type) {
		List<String> known = this.hierarchies.get(type);
		if (known != null) {
			return known;
		}
		Set<String> all = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(List.of(type));
		while (!pending.isEmpty()) {
			String next = pending.poll();
			if (all.add(next)) {
				pending.addAll(directSupertypes(next));
			}
		}
		all.add("java/lang/Object");
		List<String> hierarchy = List.copyOf(all);
		this.hierarchies.put(type, hierarchy);
		return hierarchy;
	}

	private List<String> directSupertypes(String type) {
		ClassSummary summary = summary(type);
		if (summary != null) {
			List<String> supertypes = new ArrayList<>(summary.interfaces);
			if (summary.superName != null) {
				supertypes.add(0, summary.superName);
			}
			return supertypes;
		}
		Class<?> loaded = load(type);
		if (loaded == null) {
			return List.of();
		}
		List<String> supertypes = new ArrayList<>();
		if (loaded.getSuperclass() != null) {
			supertypes.add(Type.getInternalName(loaded.getSuperclass()));
		}
		for (Class<?> implemented : loaded.getInterfaces()) {
			supertypes.add(Type.getInternalName(implemented));
		}
		return supertypes;
	}

	boolean isSubtype(String type, String supertype) {
		return hierarchy(type).contains(supertype);
	}

	/**
	 * Whether instances of a class hash by identity, so that a hash table keyed by them is ordered differently in
	 * every JVM: enums, and classes that do not override {@code hashCode} (records whose components do).
	 * @param type an internal name
	 * @return true when its hash codes are identity hash codes
	 */
	boolean hashesByIdentity(String type) {
		Boolean known = this.identityHashed.get(type);
		if (known == null) {
			Class<?> loaded = load(type);
			known = loaded != null && hashesByIdentity(loaded, 0);
			this.identityHashed.put(type, known);
		}
		return known;
	}

	private static boolean hashesByIdentity(Class<?> type, int depth) {
		if (type.isEnum() || Enum.class.isAssignableFrom(type)) {
			return true;
		}
		if (type.isInterface() || type.isPrimitive() || type.isArray() || type == Object.class
				|| Modifier.isAbstract(type.getModifiers())) {
			// an interface or Object says nothing about the keys' classes
			return false;
		}
		if (type.isRecord()) {
			if (depth > 2) {
				return false;
			}
			for (RecordComponent component : type.getRecordComponents()) {
				if (hashesByIdentity(component.getType(), depth + 1)) {
					return true;
				}
			}
			return false;
		}
		try {
			return type.getMethod("hashCode").getDeclaringClass() == Object.class;
		}
		catch (NoSuchMethodException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * The public methods (name and descriptor) of a library type that a subclass may implement as a callback: the
	 * library calls them. {@code Object}'s own methods are left out.
	 * @param type an internal name
	 * @return name + descriptor of each method
	 */
	Set<String> libraryMethods(String type) {
		Set<String> known = this.libraryMethods.get(type);
		if (known != null) {
			return known;
		}
		Set<String> methods = new HashSet<>();
		Class<?> loaded = load(type);
		try {
			for (Method method : (loaded != null) ? loaded.getMethods() : new Method[0]) {
				if (method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())) {
					methods.add(method.getName() + Type.getMethodDescriptor(method));
				}
			}
		}
		catch (LinkageError missing) {
			// a library compiled against a class that is not here
		}
		this.libraryMethods.put(type, methods);
		return methods;
	}

	@Nullable Class<?> load(String type) {
		try {
			return Class.forName(type.replace('/', '.'), false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

}
