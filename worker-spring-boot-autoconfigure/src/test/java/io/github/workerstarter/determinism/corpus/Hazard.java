package io.github.workerstarter.determinism.corpus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.workerstarter.determinism.HazardCategory;

/**
 * The one finding a corpus workflow must produce. Its line is the line of the source file of {@link #in()} that
 * carries the comment {@code // hazard: <Outer.Workflow>} (so the corpus can be edited without renumbering).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Hazard {

	HazardCategory category();

	/** The API as the finding names it, e.g. {@code java.time.LocalDate.now}. */
	String api();

	/** The class whose code has the hazard; the workflow class itself by default. */
	Class<?> in() default void.class;

	/** The method whose code has it (for an injected field, the field). */
	String method();

	Reach reach();

}
