package io.github.workerstarter.determinism.corpus;

/** How a corpus workflow reaches its hazard. */
public enum Reach {

	/** In the workflow method itself. */
	DIRECT,

	/** In a helper class, two calls below the workflow method. */
	HELPER,

	/** In a bean the workflow is given (for injected I/O: the injection itself). */
	INJECTED_BEAN,

	/** In a default method of an interface the workflow implements. */
	DEFAULT_METHOD,

	/** In a lambda given to a stream. */
	STREAM_LAMBDA,

	/** In a constructor or a field initializer. */
	CONSTRUCTOR,

	/** In a superclass of the workflow. */
	SUPERCLASS,

	/** A method reference to the hazardous API itself. */
	METHOD_REFERENCE,

	/** In the static initializer of a helper class. */
	STATIC_INITIALIZER

}
