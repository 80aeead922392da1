package io.github.workerstarter.determinism;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.Type;

import io.temporal.workflow.WorkflowInterface;

/**
 * Walks the code one workflow implementation can run, breadth first from what the SDK and Spring call on it (its
 * workflow, signal, query and update methods, its constructors and field initializers, its injection and
 * {@code @PostConstruct} methods, static initializers), each method once, into the application's classes only. A call
 * into a library is matched against the {@link HazardCatalogue}; a virtual call reaches the class the method created,
 * the beans of the called type, and every class this workflow's code instantiates (so interface calls, anonymous
 * classes and callbacks are covered). Code reached only through an exception is walked after the rest, so a method
 * that is also reached without one reports its findings as findings.
 */
final class WorkflowWalk {

	private static final String DYNAMIC_WORKFLOW = "io/temporal/workflow/DynamicWorkflow";

	private static final String DYNAMIC_EXECUTE = "execute(Lio/temporal/common/converter/EncodedValues;)Ljava/lang/Object;";

	/** A bound on one walk, far above what an application reaches, against pathological class graphs. */
	static final int MAX_METHODS = 50_000;

	private final WorkflowUnderCheck workflow;

	private final ApplicationClasses classes;

	private final HazardCatalogue catalogue;

	private final AllowList allowList;

	private final Function<String, List<String>> beanImplementations;

	private final Deque<Node> queue = new ArrayDeque<>();

	private final Deque<Node> allowedQueue = new ArrayDeque<>();

	private final Set<String> visited = new HashSet<>();

	private final Set<String> visitedAllowed = new HashSet<>();

	private final Set<String> instantiated = new LinkedHashSet<>();

	private final Map<String, List<Pending>> pending = new HashMap<>();

	private final Map<String, Finding> findings = new LinkedHashMap<>();

	private int methodsVisited;

	WorkflowWalk(WorkflowUnderCheck workflow, ApplicationClasses classes, HazardCatalogue catalogue,
			AllowList allowList, Function<String, List<String>> beanImplementations) {
		this.workflow = workflow;
		this.classes = classes;
		this.catalogue = catalogue;
		this.allowList = allowList;
		this.beanImplementations = beanImplementations;
	}

	/** A method reached, how, and under which exception. */
	private record Node(MethodSummary method, @Nullable Node parent, @Nullable String allowedBy) {
	}

	/** A virtual call whose targets grow as the walk finds classes instantiated. */
	private record Pending(Node node, MethodSummary.Call call) {
	}

	DeterminismReport.WorkflowResult run() {
		roots();
		Node node;
		while ((node = next()) != null && this.methodsVisited < MAX_METHODS) {
			visit(node);
		}
		for (Finding finding : new InjectedIo(this.workflow, this.classes, this.catalogue, this.allowList).find()) {
			keep(finding);
		}
		List<Finding> counted = new ArrayList<>();
		List<Finding> allowed = new ArrayList<>();
		for (Finding finding : this.findings.values()) {
			(finding.isAllowed() ? allowed : counted).add(finding);
		}
		return new DeterminismReport.WorkflowResult(this.workflow, counted, allowed, this.methodsVisited,
				this.methodsVisited >= MAX_METHODS);
	}

	private @Nullable Node next() {
		Node node = this.queue.poll();
		return (node != null) ? node : this.allowedQueue.poll();
	}

	private void roots() {
		String name = Type.getInternalName(this.workflow.implementation());
		for (ClassSummary summary = this.classes.summary(name); summary != null; summary = superclass(summary)) {
			for (MethodSummary method : summary.methods.values()) {
				boolean initializer = method.name.equals("<clinit>")
						|| (summary.name.equals(name) && method.isConstructor() && !method.isSynthetic());
				if (initializer || method.runByContainer) {
					enqueue(method, null);
				}
			}
		}
		// the methods of its workflow interfaces, as the class implements them (read from the class files; an
		// interface outside the application's packages through reflection)
		for (String supertype : this.classes.hierarchy(name)) {
			ClassSummary summary = this.classes.summary(supertype);
			if (summary != null && summary.workflowInterface) {
				for (String declaring : this.classes.hierarchy(supertype)) {
					ClassSummary declared = this.classes.summary(declaring);
					if (declared != null && declared.isInterface()) {
						for (MethodSummary method : declared.methods.values()) {
							root(name, method);
						}
					}
				}
			}
			else if (supertype.equals(DYNAMIC_WORKFLOW)) {
				root(name, DYNAMIC_EXECUTE);
			}
			else if (summary == null && !supertype.startsWith("java/") && !supertype.startsWith("io/temporal/")) {
				libraryWorkflowInterface(name, supertype);
			}
		}
	}

	private void root(String type, MethodSummary declared) {
		if (!declared.isStatic() && !declared.name.startsWith("<")) {
			root(type, declared.key());
		}
	}

	private void root(String type, String key) {
		MethodSummary implementation = resolve(type, key);
		if (implementation != null) {
			enqueue(implementation, null);
		}
	}

	private void libraryWorkflowInterface(String type, String supertype) {
		Class<?> loaded = this.classes.load(supertype);
		if (loaded == null || !loaded.isInterface() || !loaded.isAnnotationPresent(WorkflowInterface.class)) {
			return;
		}
		try {
			for (Method method : loaded.getMethods()) {
				if (!Modifier.isStatic(method.getModifiers())) {
					root(type, method.getName() + Type.getMethodDescriptor(method));
				}
			}
		}
		catch (LinkageError missing) {
			// an interface whose methods name classes that are not here: its implementation is not walked from it
		}
	}

	private @Nullable ClassSummary superclass(ClassSummary summary) {
		return (summary.superName != null) ? this.classes.summary(summary.superName) : null;
	}

	private void enqueue(MethodSummary method, @Nullable Node parent) {
		String allowedBy = (parent != null) ? parent.allowedBy() : null;
		if (allowedBy == null) {
			allowedBy = this.allowList.forMethod(this.classes.summary(method.owner), method);
		}
		String key = method.owner.concat(".").concat(method.key());
		if (allowedBy == null) {
			if (this.visited.add(key)) {
				this.queue.add(new Node(method, parent, null));
			}
		}
		else if (!this.visited.contains(key) && this.visitedAllowed.add(key)) {
			this.allowedQueue.add(new Node(method, parent, allowedBy));
		}
	}

	private void visit(Node node) {
		this.methodsVisited++;
		MethodSummary method = node.method();
		for (MethodSummary.Call call : method.calls) {
			if (!call.sideEffect) {
				call(node, call);
			}
		}
		for (MethodSummary.StaticWrite write : method.staticWrites) {
			// a class initializes its own statics; '$' fields are the compiler's ($assertionsDisabled, switch maps)
			if (!(method.name.equals("<clinit>") && write.owner().equals(method.owner)) && !write.name().contains("$")) {
				report(node, HazardCategory.STATIC_STATE, write.owner(), write.name(), write.line(), null);
			}
		}
		for (String type : method.staticallyUsed) {
			initializer(type, node);
		}
		for (String type : method.instantiated) {
			instantiate(type, node);
		}
		for (MethodSummary.Iteration iteration : method.iterations) {
			String detail = new IterationOrder(this.classes).unordered(iteration.container());
			if (detail != null) {
				int dot = iteration.api().lastIndexOf('.');
				report(node, HazardCategory.UNORDERED_ITERATION, iteration.api().substring(0, dot),
						iteration.api().substring(dot + 1), iteration.line(), detail);
			}
		}
	}

	private void call(Node node, MethodSummary.Call call) {
		String owner = call.owner;
		if (owner.startsWith("[") || owner.startsWith("io/temporal/") || owner.startsWith("io/nexusrpc/")) {
			// array methods; the SDK's own code and stubs (Workflow, Async, Promise, activity stubs...)
			return;
		}
		ClassSummary summary = this.classes.summary(owner);
		if (summary != null) {
			if (summary.stubInterface) {
				// an activity, child workflow or Nexus stub: the SDK schedules it, the implementation runs elsewhere
				return;
			}
			if (call.isVirtual() && call.receiverClass == null) {
				List<Pending> waiting = this.pending.get(owner);
				if (waiting == null) {
					waiting = new ArrayList<>();
					this.pending.put(owner, waiting);
				}
				waiting.add(new Pending(node, call));
			}
			List<MethodSummary> targets = targets(call, summary);
			if (!targets.isEmpty()) {
				for (MethodSummary target : targets) {
					enqueue(target, node);
				}
				return;
			}
		}
		HazardCategory hazard = this.catalogue.match(owner, call.name, call.descriptor);
		if (hazard != null) {
			report(node, hazard, owner, call.name, call.line, null);
		}
	}

	private List<MethodSummary> targets(MethodSummary.Call call, ClassSummary summary) {
		String key = call.name.concat(call.descriptor);
		if (!call.isVirtual()) {
			MethodSummary target = declared(call.owner, key);
			return (target != null) ? List.of(target) : List.of();
		}
		if (call.receiverClass != null && this.classes.isApplication(call.receiverClass)) {
			MethodSummary target = resolve(call.receiverClass, key);
			return (target != null) ? List.of(target) : List.of();
		}
		Set<MethodSummary> targets = new LinkedHashSet<>();
		MethodSummary own = resolve(call.owner, key);
		if (own != null) {
			targets.add(own);
		}
		Set<String> implementations = new LinkedHashSet<>();
		for (String type : this.instantiated) {
			if (!type.equals(call.owner) && this.classes.isSubtype(type, call.owner)) {
				implementations.add(type);
			}
		}
		if (summary.isInterface() || summary.isAbstract()) {
			implementations.addAll(this.beanImplementations.apply(call.owner));
		}
		for (String implementation : implementations) {
			MethodSummary target = resolve(implementation, key);
			if (target != null) {
				targets.add(target);
			}
		}
		return new ArrayList<>(targets);
	}

	// static, private, super and constructor calls name their class; inherited statics are found up the chain
	private @Nullable MethodSummary declared(String type, String key) {
		for (ClassSummary summary = this.classes.summary(type); summary != null;
				summary = (summary.superName != null) ? this.classes.summary(summary.superName) : null) {
			MethodSummary method = summary.method(key);
			if (method != null) {
				return method.isAbstract() ? null : method;
			}
		}
		return null;
	}

	// the method a virtual call on an object of this class runs: up the class chain, then default methods
	private @Nullable MethodSummary resolve(String type, String key) {
		for (ClassSummary summary = this.classes.summary(type); summary != null;
				summary = (summary.superName != null) ? this.classes.summary(summary.superName) : null) {
			MethodSummary method = summary.method(key);
			if (method != null && !method.isStatic()) {
				return method.isAbstract() ? null : method;
			}
		}
		for (String supertype : this.classes.hierarchy(type)) {
			ClassSummary summary = this.classes.summary(supertype);
			MethodSummary method = (summary != null && summary.isInterface()) ? summary.method(key) : null;
			if (method != null && !method.isAbstract() && !method.isStatic()) {
				return method;
			}
		}
		return null;
	}

	private void initializer(String type, Node node) {
		ClassSummary summary = this.classes.summary(type);
		MethodSummary initializer = (summary != null) ? summary.method("<clinit>()V") : null;
		if (initializer != null) {
			enqueue(initializer, node);
		}
	}

	// a class created in workflow code: its static initializer, the virtual calls it now answers, and its callbacks
	// (what it overrides of a library type, e.g. a Comparator or an anonymous Runnable: the library calls them)
	private void instantiate(String type, Node node) {
		ClassSummary summary = this.classes.summary(type);
		if (summary == null || !this.instantiated.add(type)) {
			return;
		}
		initializer(type, node);
		Set<String> libraryMethods = new HashSet<>();
		for (String supertype : this.classes.hierarchy(type)) {
			for (Pending waiting : List.copyOf(this.pending.getOrDefault(supertype, List.of()))) {
				MethodSummary target = resolve(type, waiting.call().name.concat(waiting.call().descriptor));
				if (target != null) {
					enqueue(target, waiting.node());
				}
			}
			if (!this.classes.isApplication(supertype) && !supertype.equals("java/lang/Object")) {
				libraryMethods.addAll(this.classes.libraryMethods(supertype));
			}
		}
		for (MethodSummary method : summary.methods.values()) {
			if (!method.isStatic() && !method.isConstructor() && !method.isAbstract() && !isObjectMethod(method)
					&& libraryMethods.contains(method.key())) {
				enqueue(method, node);
			}
		}
	}

	// toString, equals and hashCode are called by any library that logs, compares or hashes an object; counting them
	// as callbacks would report what a class does when it is logged (records declare them through java.lang.Record)
	private static boolean isObjectMethod(MethodSummary method) {
		String key = method.key();
		return key.equals("toString()Ljava/lang/String;") || key.equals("hashCode()I")
				|| key.equals("equals(Ljava/lang/Object;)Z");
	}

	private void report(Node node, HazardCategory category, String owner, String member, int line,
			@Nullable String detail) {
		String allowedBy = (node.allowedBy() != null) ? node.allowedBy() : this.allowList.forMember(owner, member);
		MethodSummary method = node.method();
		ClassSummary where = this.classes.summary(method.owner);
		keep(new Finding(category, owner.replace('/', '.') + "." + member, method.owner.replace('/', '.'), method.name,
				(where != null) ? where.sourceFile : null, line, chain(node, owner, member), withBlankReasons(node, detail),
				allowedBy));
	}

	// one finding per line and category (new SecureRandom().nextInt() is one place to fix), per type for injections
	private void keep(Finding finding) {
		String key = finding.className() + "." + finding.method() + ":" + finding.line() + " " + finding.category()
				+ ((finding.category() == HazardCategory.INJECTED_IO) ? " " + finding.api() : "");
		Finding existing = this.findings.get(key);
		if (existing == null || (existing.isAllowed() && !finding.isAllowed())) {
			this.findings.put(key, finding);
		}
	}

	private static List<String> chain(Node node, String owner, String member) {
		List<String> frames = new ArrayList<>();
		for (Node frame = node; frame != null; frame = frame.parent()) {
			frames.add(0, AllowList.simpleName(frame.method().owner) + "." + frame.method().name);
		}
		frames.add(member.equals("<init>") ? "new " + AllowList.simpleName(owner) + "()"
				: AllowList.simpleName(owner) + "." + member);
		return frames;
	}

	// an @AllowNondeterminism without a reason allows nothing: say so where it would have applied
	private @Nullable String withBlankReasons(Node node, @Nullable String detail) {
		for (Node frame = node; frame != null; frame = frame.parent()) {
			MethodSummary method = frame.method();
			ClassSummary owner = this.classes.summary(method.owner);
			boolean blank = (method.allowReason != null && method.allowReason.isBlank())
					|| (owner != null && owner.allowReason != null && owner.allowReason.isBlank());
			if (blank) {
				String note = "@AllowNondeterminism on " + AllowList.simpleName(method.owner) + "." + method.name
						+ " (or its class) has a blank reason, so it allows nothing";
				return (detail != null) ? detail + "; " + note : note;
			}
		}
		return detail;
	}

}
