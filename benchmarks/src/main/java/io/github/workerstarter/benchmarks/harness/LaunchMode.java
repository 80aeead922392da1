package io.github.workerstarter.benchmarks.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * How a child JVM is launched. {@link #PLAIN}: JDK defaults. {@link #FAST}: with an archive of the classes a
 * training run of the same variant loaded, as Spring Boot documents it: a CDS archive
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}) before JDK 25, the AOT cache
 * ({@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}; classes loaded and linked, plus method profiles) from
 * JDK 25 on.
 */
public enum LaunchMode {

	PLAIN, FAST;

	/** From this feature release on, {@link #FAST} uses the one-step AOT cache (JEP 514) instead of CDS. */
	static final int AOT_CACHE_FEATURE = 25;

	public String label(Jdk jdk) {
		if (this == PLAIN) {
			return "plain";
		}
		return usesAotCache(jdk) ? "AOT cache" : "CDS";
	}

	public boolean needsTraining() {
		return this == FAST;
	}

	public String archiveSuffix(Jdk jdk) {
		return usesAotCache(jdk) ? ".aot" : ".jsa";
	}

	/** Options of the training run that writes the archive. */
	public List<String> trainingOptions(Jdk jdk, Path archive) {
		return usesAotCache(jdk) ? List.of("-XX:AOTCacheOutput=" + archive)
				: List.of("-XX:ArchiveClassesAtExit=" + archive);
	}

	/** Options of a measured run. */
	public List<String> runOptions(Jdk jdk, Path archive) {
		if (this == PLAIN) {
			return List.of();
		}
		return usesAotCache(jdk) ? List.of("-XX:AOTCache=" + archive) : List.of("-XX:SharedArchiveFile=" + archive);
	}

	public static LaunchMode of(String name) {
		return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
	}

	private static boolean usesAotCache(Jdk jdk) {
		return jdk.feature() >= AOT_CACHE_FEATURE;
	}

}
