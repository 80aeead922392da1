package io.github.workerstarter.determinism.corpus;

import java.util.List;

/** The beans of the corpus's "application", as Spring would answer a lookup by type. */
public final class CorpusBeans {

	public static final List<Class<?>> ALL = List.of(CorpusActivitiesImpl.class,
			WallClockCorpus.SystemBusinessCalendar.class, IoCorpus.JdbcCustomerDirectory.class);

	private CorpusBeans() {
	}

}
