package io.github.workerstarter.determinism;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The library APIs that make workflow code non-deterministic. The check never follows calls into libraries (the JDK,
 * Spring, the SDK): a call into one is a hazard when it matches a rule here, and nothing otherwise. Rules name a type
 * (or a package), optionally a member and the start of its descriptor; a rule on a type can also cover its nested
 * types (the request specs of {@code RestClient}) and its subtypes (an application's Spring Data repository). Member
 * rules are tried before type rules, along the owner's supertypes.
 */
final class HazardCatalogue {

	private static final String ANY = null;

	private static final List<Rule> RULES = new ArrayList<>();

	static {
		// wall clock
		member(HazardCategory.WALL_CLOCK, "java/lang/System", "currentTimeMillis", "nanoTime");
		for (String type : List.of("Instant", "LocalDate", "LocalDateTime", "LocalTime", "ZonedDateTime",
				"OffsetDateTime", "OffsetTime", "Year", "YearMonth", "MonthDay")) {
			member(HazardCategory.WALL_CLOCK, "java/time/" + type, "now");
		}
		inherited(HazardCategory.WALL_CLOCK, "java/time/Clock", "system", "systemUTC", "systemDefaultZone", "tick",
				"tickMillis", "tickSeconds", "tickMinutes", "instant", "millis");
		inherited(HazardCategory.WALL_CLOCK, "java/time/InstantSource", "system", "instant", "millis");
		constructor(HazardCategory.WALL_CLOCK, "java/util/Date", "()");
		constructor(HazardCategory.WALL_CLOCK, "java/util/GregorianCalendar", "()");
		member(HazardCategory.WALL_CLOCK, "java/util/Calendar", "getInstance");
		// randomness (a seeded java.util.Random is deterministic)
		member(HazardCategory.RANDOMNESS, "java/lang/Math", "random");
		member(HazardCategory.RANDOMNESS, "java/lang/StrictMath", "random");
		member(HazardCategory.RANDOMNESS, "java/util/UUID", "randomUUID");
		constructor(HazardCategory.RANDOMNESS, "java/util/Random", "()");
		constructor(HazardCategory.RANDOMNESS, "java/util/SplittableRandom", "()");
		add(new Rule("java/util/Collections", false, false, "shuffle", "(Ljava/util/List;)", HazardCategory.RANDOMNESS));
		member(HazardCategory.RANDOMNESS, "java/util/random/RandomGenerator", "getDefault", "of");
		type(HazardCategory.RANDOMNESS, "java/util/concurrent/ThreadLocalRandom", true);
		type(HazardCategory.RANDOMNESS, "java/security/SecureRandom", true);
		// threads and blocking
		member(HazardCategory.THREADS, "java/lang/Thread", "<init>", "start", "sleep", "join", "yield", "onSpinWait",
				"startVirtualThread", "ofVirtual", "ofPlatform");
		inherited(HazardCategory.THREADS, "java/lang/Object", "wait", "notify", "notifyAll");
		inherited(HazardCategory.THREADS, "java/util/concurrent/TimeUnit", "sleep", "timedJoin", "timedWait");
		inherited(HazardCategory.THREADS, "java/util/concurrent/Future", "get");
		add(new Rule("java/util/concurrent/CompletableFuture", false, true, "*Async", ANY, HazardCategory.THREADS));
		inherited(HazardCategory.THREADS, "java/util/concurrent/CompletableFuture", "join", "orTimeout",
				"completeOnTimeout", "delayedExecutor");
		inherited(HazardCategory.THREADS, "java/util/Collection", "parallelStream");
		inherited(HazardCategory.THREADS, "java/util/stream/BaseStream", "parallel");
		type(HazardCategory.THREADS, "java/util/concurrent/Executors", false);
		type(HazardCategory.THREADS, "java/util/concurrent/Executor", true);
		for (String type : List.of("CountDownLatch", "CyclicBarrier", "Semaphore", "Phaser", "Exchanger")) {
			type(HazardCategory.THREADS, "java/util/concurrent/" + type, true);
		}
		type(HazardCategory.THREADS, "java/util/concurrent/locks/", false);
		type(HazardCategory.THREADS, "java/util/Timer", true);
		// I/O: files, network, JDBC
		for (String type : List.of("File", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
				"RandomAccessFile")) {
			type(HazardCategory.IO, "java/io/" + type, true);
		}
		type(HazardCategory.IO, "java/nio/file/Files", false);
		type(HazardCategory.IO, "java/nio/file/FileSystems", false);
		type(HazardCategory.IO, "java/nio/file/FileSystem", true);
		type(HazardCategory.IO, "java/nio/file/WatchService", true);
		inherited(HazardCategory.IO, "java/nio/file/Path", "toAbsolutePath", "toRealPath", "register");
		type(HazardCategory.IO, "java/nio/channels/", false);
		for (String type : List.of("Socket", "ServerSocket", "DatagramSocket", "URLConnection")) {
			type(HazardCategory.IO, "java/net/" + type, true);
		}
		member(HazardCategory.IO, "java/net/URL", "openConnection", "openStream", "getContent");
		inherited(HazardCategory.IO, "java/net/InetAddress", "getByName", "getAllByName", "getLocalHost", "getHostName",
				"getCanonicalHostName", "isReachable");
		type(HazardCategory.IO, "java/net/http/", false);
		for (String type : List.of("java/sql/DriverManager", "java/sql/Connection", "java/sql/Statement",
				"java/sql/ResultSet", "javax/sql/DataSource")) {
			type(HazardCategory.IO, type, true);
		}
		// I/O: Spring's clients and data access, and what they stand on
		for (String type : List.of("org/springframework/web/client/RestOperations",
				"org/springframework/web/client/RestClient", "org/springframework/web/reactive/function/client/WebClient",
				"org/springframework/jdbc/core/JdbcOperations",
				"org/springframework/jdbc/core/namedparam/NamedParameterJdbcOperations",
				"org/springframework/jdbc/core/simple/JdbcClient", "org/springframework/data/repository/Repository",
				"jakarta/persistence/EntityManager", "jakarta/persistence/EntityManagerFactory",
				"javax/persistence/EntityManager", "org/springframework/kafka/core/KafkaOperations",
				"org/springframework/amqp/core/AmqpTemplate", "org/springframework/data/redis/core/RedisOperations",
				"org/springframework/data/mongodb/core/MongoOperations", "org/springframework/jms/core/JmsOperations",
				"org/springframework/r2dbc/core/DatabaseClient")) {
			type(HazardCategory.IO, type, true);
		}
		// environment: differs between deployments
		member(HazardCategory.ENVIRONMENT, "java/lang/System", "getenv", "getProperty", "getProperties");
		member(HazardCategory.ENVIRONMENT, "java/lang/Integer", "getInteger");
		member(HazardCategory.ENVIRONMENT, "java/lang/Long", "getLong");
		member(HazardCategory.ENVIRONMENT, "java/lang/Boolean", "getBoolean");
		type(HazardCategory.ENVIRONMENT, "org/springframework/core/env/PropertyResolver", true);
	}

	private final ApplicationClasses classes;

	private final Map<String, @Nullable HazardCategory> matched = new HashMap<>();

	/**
	 * A catalogue that finds the supertypes of a type among the classes of a check.
	 * @param classes the classes, which know each type's supertypes
	 */
	HazardCatalogue(ApplicationClasses classes) {
		this.classes = classes;
	}

	/**
	 * The hazard of calling a library member.
	 * @param owner the internal name of the type the call names
	 * @param member the method name ({@code <init>} for a constructor)
	 * @param descriptor the method descriptor
	 * @return the category, or null when the call is not a known hazard
	 */
	@Nullable HazardCategory match(String owner, String member, String descriptor) {
		String key = owner.concat(".").concat(member).concat(descriptor);
		if (!this.matched.containsKey(key)) {
			Rule rule = find(owner, member, descriptor);
			this.matched.put(key, (rule != null) ? rule.category() : null);
		}
		return this.matched.get(key);
	}

	/**
	 * Whether a type is an I/O client, as a workflow bean's injected dependency.
	 * @param type an internal name
	 * @return true for the I/O types of this catalogue (and their subtypes and nested types where a rule says so)
	 */
	boolean isIoType(String type) {
		List<String> types = this.classes.hierarchy(type);
		for (Rule rule : RULES) {
			if (rule.category() == HazardCategory.IO && rule.member() == null) {
				for (String candidate : types) {
					if (rule.covers(candidate)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private @Nullable Rule find(String owner, String member, String descriptor) {
		List<String> types = this.classes.hierarchy(owner);
		// a member rule anywhere up the hierarchy wins over a rule on a whole type
		for (boolean memberRules : new boolean[] { true, false }) {
			for (String type : types) {
				boolean isOwner = type.equals(owner);
				for (Rule rule : RULES) {
					if ((rule.member() != null) == memberRules && (isOwner || rule.inherited()) && rule.covers(type)
							&& rule.matchesMember(member, descriptor)) {
						return rule;
					}
				}
			}
		}
		return null;
	}

	private static void member(HazardCategory category, String type, String... members) {
		for (String member : members) {
			add(new Rule(type, false, false, member, ANY, category));
		}
	}

	private static void inherited(HazardCategory category, String type, String... members) {
		for (String member : members) {
			add(new Rule(type, false, true, member, ANY, category));
		}
	}

	private static void constructor(HazardCategory category, String type, String descriptorStart) {
		add(new Rule(type, false, false, "<init>", descriptorStart, category));
	}

	// a type ending in '/' is a package; a whole type covers its nested types
	private static void type(HazardCategory category, String type, boolean inherited) {
		add(new Rule(type, !type.endsWith("/"), inherited, ANY, ANY, category));
	}

	private static void add(Rule rule) {
		RULES.add(rule);
	}

	/**
	 * One rule.
	 * @param type internal name of a type, or a package ending in '/'
	 * @param nested whether the rule also covers the type's nested types
	 * @param inherited whether it also covers subtypes
	 * @param member a member name, {@code *Suffix}, or null for every member
	 * @param descriptor the start of the method descriptor, or null for every overload
	 * @param category the hazard
	 */
	record Rule(String type, boolean nested, boolean inherited, @Nullable String member, @Nullable String descriptor,
			HazardCategory category) {

		boolean covers(String candidate) {
			if (!candidate.startsWith(this.type)) {
				return false;
			}
			// a package, the type itself, or (when nested) one of its nested types
			return this.type.endsWith("/") || candidate.length() == this.type.length()
					|| (this.nested && candidate.charAt(this.type.length()) == '$');
		}

		boolean matchesMember(String name, String methodDescriptor) {
			if (this.member == null) {
				return true;
			}
			boolean nameMatches = this.member.startsWith("*") ? name.endsWith(this.member.substring(1))
					: this.member.equals(name);
			return nameMatches && (this.descriptor == null || methodDescriptor.startsWith(this.descriptor));
		}

	}

}
