package io.github.workerstarter.test.slice;

import java.io.IOException;
import java.util.Set;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import io.github.workerstarter.annotation.ActivityImpl;
import io.github.workerstarter.annotation.NexusServiceImpl;
import io.github.workerstarter.annotation.WorkflowImpl;

/**
 * Component scanning under {@link TemporalWorkerTest @TemporalWorkerTest}: the annotated implementations, and the
 * scanned components they inject (see {@link InjectedComponents}).
 */
final class TemporalWorkerTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<TemporalWorkerTest> {

	private final Class<?> testClass;

	private volatile Set<String> injected;

	TemporalWorkerTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.testClass = testClass;
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return Set.of(WorkflowImpl.class, ActivityImpl.class, NexusServiceImpl.class);
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		return super.defaultInclude(metadataReader, metadataReaderFactory)
				|| injected().contains(metadataReader.getClassMetadata().getClassName());
	}

	private Set<String> injected() {
		Set<String> names = this.injected;
		if (names == null) {
			names = InjectedComponents.of(this.testClass);
			this.injected = names;
		}
		return names;
	}

}
