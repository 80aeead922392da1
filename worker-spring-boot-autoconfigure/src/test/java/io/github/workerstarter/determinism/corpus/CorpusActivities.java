package io.github.workerstarter.determinism.corpus;

import io.temporal.activity.ActivityInterface;

/** Activities the safe workflows call through stubs; the implementation does I/O, as activities do. */
@ActivityInterface
public interface CorpusActivities {

	String load(String path);

}
