package io.github.workerstarter.payload;

import io.temporal.payload.codec.PayloadCodec;

/**
 * A {@link PayloadCodec} bean that asks for failure messages and stack traces to go through the codecs too (the SDK's
 * {@code encodeFailureAttributes}): an encrypting codec, since an exception's text often quotes the data it protects.
 * The starter's data converter then encodes them for every codec, in order; the Web UI and the CLI show them through a
 * codec server.
 */
public interface EncodesFailureAttributes {

	/**
	 * Whether failure messages and stack traces are to be encoded.
	 * @return true to encode them
	 */
	boolean encodesFailureAttributes();

}
